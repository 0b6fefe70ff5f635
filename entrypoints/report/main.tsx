import { mount } from '../../lib/ui/mount';
import { ReportPage } from './ReportPage';
import './report.css';

void mount(ReportPage);
