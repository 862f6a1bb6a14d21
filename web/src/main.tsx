// Entry point: the Designsystemet theme and component CSS, the app's own CSS, then React.
import '@digdir/designsystemet-theme';
import '@digdir/designsystemet-css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
