import '../../lib/ui/base.css';
import { mount } from '../../lib/ui/mount';
import { Dashboard } from './Dashboard';
import './dashboard.css';

void mount(Dashboard);
