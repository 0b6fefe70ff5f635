import { browser } from 'wxt/browser';
import type { CommandResponse, PageRequest, StatusResponse } from '../messaging/protocol';

/** Sends a request to the background; a background that does not answer reads as a failure. */
export async function request<T = CommandResponse>(message: PageRequest): Promise<T> {
  const response = (await browser.runtime.sendMessage(message)) as T | null | undefined;
  if (response === null || response === undefined) throw new Error('no answer from the background');
  return response;
}

export function getStatus(): Promise<StatusResponse> {
  return request<StatusResponse>({ type: 'get-status' });
}
