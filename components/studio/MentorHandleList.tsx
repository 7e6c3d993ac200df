import type { Mentor } from '@/utils/platform/db';
import { ENDPOINT_FORMATS } from '@/utils/endpoints/types';
import { t } from '@/utils/platform/i18n';
import { HANDLE_LABELS } from '../shared/mentor-handles';

/** A mentor's handles, one line per chat that has one. */
export function MentorHandleList({ mentor }: { mentor: Mentor }) {
  return (
    <ul class="mentors__handles">
      {ENDPOINT_FORMATS.filter((format) => mentor.handles[format]).map((format) => (
        <li key={format}>
          {t(HANDLE_LABELS[format].label)}: <code>{mentor.handles[format]}</code>
        </li>
      ))}
    </ul>
  );
}
