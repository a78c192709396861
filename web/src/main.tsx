/** The page `mtus serve` serves: check a request against a note, or look at a regress run. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { CheckView } from './CheckView.js';
import { RegressView } from './RegressView.js';
import './style.css';

type View = 'check' | 'regress';
const viewOf = (hash: string): View => (hash === '#regress' ? 'regress' : 'check');

function App() {
  const [view, setView] = useState<View>(viewOf(location.hash));
  useEffect(() => {
    const onHash = () => setView(viewOf(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  return (
    <>
      <header>
        <h1>mtus-rules</h1>
        <p>Will Independent Medical Review uphold a denial? Criteria from the MTUS and ODG, cited.</p>
        <nav aria-label="Views">
          <a href="#check" aria-current={view === 'check' ? 'page' : undefined}>Check a request</a>
          <a href="#regress" aria-current={view === 'regress' ? 'page' : undefined}>Regress run</a>
        </nav>
      </header>
      <main>{view === 'check' ? <CheckView /> : <RegressView />}</main>
    </>
  );
}

render(<App />, document.getElementById('app')!);
