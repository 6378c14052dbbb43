import { render } from 'preact';
import { localizePage } from '../i18n/page';
import { Options } from './Options';

localizePage();
const root = document.getElementById('app');
if (root) render(<Options />, root);
