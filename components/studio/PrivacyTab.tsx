import { t, type MessageKey } from '@/utils/platform/i18n';
import { redactUrl } from '@/utils/privacy/redact';

/** The database tables, each with what it holds (utils/db.ts). */
const TABLES: MessageKey[] = [
  'privacyTablePacks',
  'privacyTableCards',
  'privacyTableOutbox',
  'privacyTableGaps',
  'privacyTableMentors',
  'privacyTableFeedback',
  'privacyTableSearchMisses',
  'privacyTableGoals',
  'privacyTablePlanSaved',
  'privacyTableReflections',
  'privacyTablePlanMeta',
  'privacyTableSharedPlans',
  'privacyTableTargetMisses',
];

/** A page address a teacher might be on, with ids, a query, a fragment and an e-mail address. */
const EXAMPLE_URL = 'https://district.instructure.com/courses/4821/gradebook/speed_grader?assignment_id=93&student_id=1207#comments';
const EXAMPLE_URL_EMAIL =
  'https://docs.google.com/u/1/document/d/1aB2cD3eF4gH5iJ6kL7mN8oP9/edit?usp=sharing&authuser=ana.ruiz@district.org';

/**
 * What Coachmark stores where, what it sends when, and nothing else. The redaction examples are
 * computed by the same redactUrl() that builds every outgoing page reference, so they cannot
 * drift from what is really sent.
 */
export function PrivacyTab() {
  return (
    <section class="privacy" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">{t('privacyHeading')}</h2>
      <p>{t('privacyIntro')}</p>

      <h3>{t('privacyStoredHeading')}</h3>
      <p>{t('privacyStoredIntro')}</p>
      <dl>
        <dt>{t('privacyStoreDatabase')}</dt>
        <dd>
          <ul>
            {TABLES.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ul>
        </dd>
        <dt>{t('privacyStoreLocal')}</dt>
        <dd>
          {t('privacyStoreLocalBody')} {t('privacyStoreLocalMentorDirectory')}
        </dd>
        <dt>{t('privacyStoreSession')}</dt>
        <dd>{t('privacyStoreSessionBody')}</dd>
        <dt>{t('privacyStoreManaged')}</dt>
        <dd>{t('privacyStoreManagedBody')}</dd>
      </dl>

      <h3>{t('privacySentHeading')}</h3>
      <ul>
        <li>{t('privacySentPing')}</li>
        <li>{t('privacySentPlan')}</li>
        <li>{t('privacySentTest')}</li>
        <li>{t('privacySentPacks')}</li>
        <li>{t('privacySentMentorDirectory')}</li>
        <li>
          <strong>{t('privacySentNothingElse')}</strong>
        </li>
      </ul>

      <h3>{t('privacyRedactHeading')}</h3>
      <p>{t('privacyRedactBody')}</p>
      {[EXAMPLE_URL, EXAMPLE_URL_EMAIL].map((url) => (
        <p key={url} class="privacy__example">
          <span>{t('privacyRedactExample')}</span>
          <code>{url}</code>
          <span>{t('privacyRedactBecomes')}</span>
          <code data-testid="redacted-example">{redactUrl(url)}</code>
        </p>
      ))}

      <h3>{t('privacyReadHeading')}</h3>
      <p>{t('privacyReadBody')}</p>
    </section>
  );
}
