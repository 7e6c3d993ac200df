import type { Signature } from './types';
import { signatureMatches } from './match';
import { signatures as canvas } from './catalog/canvas';
import { signatures as schoology } from './catalog/schoology';
import { signatures as moodle } from './catalog/moodle';
import { signatures as brightspace } from './catalog/brightspace';
import { signatures as blackboard } from './catalog/blackboard';
import { signatures as powerschool } from './catalog/powerschool';

/**
 * Page signatures of the tools that schools host on their own domains. The content script
 * imports only this registry (not the whole catalogue) and reports which tool a page's
 * structure shows; the background matches the URL against that tool's contexts.
 */
export const SIGNATURES: ReadonlyArray<readonly [tool: string, signatures: Signature[]]> = [
  ['canvas', canvas],
  ['schoology', schoology],
  ['moodle', moodle],
  ['brightspace', brightspace],
  ['blackboard', blackboard],
  ['powerschool', powerschool],
];

/** Which self-hostable tool this page's structure shows, if any. Reads selectors only. */
export function signatureTool(doc: Document): string | null {
  for (const [tool, signatures] of SIGNATURES) {
    if (signatureMatches(signatures, doc)) return tool;
  }
  return null;
}
