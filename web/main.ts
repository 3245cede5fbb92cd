import '@observablehq/inspector/dist/inspector.css';
import './components/vol-app';
import { warmUp } from './runtime/services';

warmUp();
document.body.append(document.createElement('vol-app'));
