import { followUpText as t } from '../text/followup';
import { DecisionRegister } from './DecisionRegister';
import { SearchPanel } from './SearchPanel';

export function Archive() {
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t.archiveTitle}</h1>
      </header>
      <SearchPanel />
      <DecisionRegister />
    </div>
  );
}
