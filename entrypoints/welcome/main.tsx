import '../../lib/ui/base.css';
import { mount } from '../../lib/ui/mount';
import { Welcome } from './Welcome';
import './welcome.css';

void mount(Welcome);
