import { render } from 'preact';
import { localizePage } from '../i18n/page';
import { Popup } from './Popup';

localizePage();
const root = document.getElementById('app');
if (root) render(<Popup />, root);
