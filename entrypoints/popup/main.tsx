import { render } from 'preact';
import { uiLanguage } from '../../lib/ui/i18n';
import '../../lib/ui/base.css';
import { Popup } from './Popup';
import './popup.css';

document.documentElement.lang = uiLanguage();
render(<Popup />, document.getElementById('app')!);
