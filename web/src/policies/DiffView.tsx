import { Button } from 'antd';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiffLine } from '../api/documents';
import { diffBlocks } from './diffBlocks';
import './policies.css';

function LineText({ line }: { line: DiffLine }) {
  if (line.kind !== 'changed') return <>{line.text === '' ? '\u00a0' : line.text}</>;
  return (
    <>
      {(line.parts ?? []).map((part, index) =>
        part.kind === 'added' ? (
          <ins key={index}>{part.text}</ins>
        ) : part.kind === 'removed' ? (
          <del key={index}>{part.text}</del>
        ) : (
          <Fragment key={index}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}

const MARKS: Record<DiffLine['kind'], string> = { same: ' ', added: '+', removed: '−', changed: '~' };

/**
 * What changed between two versions, line by line, changed words marked (<ins>, <del>, and a sign
 * in front of each line so the difference does not rest on colour alone). Long unchanged stretches
 * fold away to a few lines of context, and open on request.
 */
export function DiffView({ lines, testId }: { lines: DiffLine[]; testId?: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState<ReadonlySet<number>>(new Set());
  const blocks = diffBlocks(lines);
  const changes = lines.filter((line) => line.kind !== 'same').length;

  if (changes === 0) return <p className="policy-diff__none">{t('policies.diff.noChanges')}</p>;
  return (
    <div className="policy-diff" data-testid={testId} role="region" aria-label={t('policies.diff.label')}>
      {blocks.map((block, index) =>
        block.kind === 'folded' && !opened.has(index) ? (
          <div key={index} className="policy-diff__fold">
            <Button type="link" size="small" onClick={() => setOpened(new Set([...opened, index]))}>
              {t('policies.diff.showUnchanged', { count: block.lines.length })}
            </Button>
          </div>
        ) : (
          block.lines.map((line, lineIndex) => (
            <div key={`${index}-${lineIndex}`} className={`policy-diff__line policy-diff__line--${line.kind}`} data-kind={line.kind}>
              <span className="policy-diff__mark" aria-hidden>
                {MARKS[line.kind]}
              </span>
              <span className="visually-hidden">{line.kind === 'same' ? '' : t(`policies.diff.kind.${line.kind}`)}</span>
              <span className="policy-diff__text">
                <LineText line={line} />
              </span>
            </div>
          ))
        ),
      )}
    </div>
  );
}
