import '@utrecht/design-tokens/dist/index.css';
import '@utrecht/component-library-css/dist/index.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/paper.css';
import './styles/phase.css';
import './styles/members.css';
import './styles/audit.css';
import './styles/accounts.css';
import './styles/document.css';
import './styles/threads.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

const root = document.getElementById('root');
if (!root) throw new Error('No #root element in index.html');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
