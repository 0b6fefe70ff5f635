/**
 * Gives a fake site's page an audible, looping tone that starts on the next click (a real
 * click gives the user activation autoplay policies ask for). The WAV is generated in the
 * page: no file to serve. Source text, so it can be evaluated in either browser.
 */
export const ADD_AUDIO_ON_CLICK = `(() => {
  const rate = 8000, seconds = 1, samples = rate * seconds;
  const buffer = new ArrayBuffer(44 + samples * 2);
  const v = new DataView(buffer);
  const text = (at, s) => [...s].forEach((c, i) => v.setUint8(at + i, c.charCodeAt(0)));
  text(0, 'RIFF'); v.setUint32(4, 36 + samples * 2, true); text(8, 'WAVE');
  text(12, 'fmt '); v.setUint32(16, 16, true); v.setUint16(20, 1, true); v.setUint16(22, 1, true);
  v.setUint32(24, rate, true); v.setUint32(28, rate * 2, true); v.setUint16(32, 2, true); v.setUint16(34, 16, true);
  text(36, 'data'); v.setUint32(40, samples * 2, true);
  for (let i = 0; i < samples; i++) v.setInt16(44 + i * 2, Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), true);
  const audio = document.createElement('audio');
  audio.src = URL.createObjectURL(new Blob([buffer], { type: 'audio/wav' }));
  audio.loop = true;
  audio.id = 'fake-audio';
  document.body.append(audio);
  window.__audioError = null;
  document.addEventListener('click', () => audio.play().catch((e) => (window.__audioError = String(e))), { once: true });
})()`;

/** State of that audio element: whether it plays, and whether time advances. */
export const AUDIO_STATE = `(() => {
  const a = document.getElementById('fake-audio');
  return a ? { paused: a.paused, currentTime: a.currentTime, muted: a.muted, volume: a.volume, error: window.__audioError } : null;
})()`;

export const PAUSE_AUDIO = `document.getElementById('fake-audio')?.pause()`;
