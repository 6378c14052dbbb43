import { render } from 'preact';
import { localizePage } from '../i18n/page';
import { Compose } from './Compose';

localizePage();
const root = document.getElementById('app');
if (root) render(<Compose />, root);
