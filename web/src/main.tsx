import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// i18n must be initialised before the first render so the first paint is already in the right language.
import './i18n';
import './shared/global.css';
import { App } from './app/App';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
