import '../../lib/ui/base.css';
import { mount } from '../../lib/ui/mount';
import { Popup } from './Popup';
import './popup.css';

void mount(Popup);
