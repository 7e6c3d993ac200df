import { describe, expect, it } from 'vitest';
import { TOOLS } from '../../../utils/tools/catalog';
import { LOCALIZED_NAMES } from '../../../utils/tools/localized-names';
import { pageName, toolName } from '../../../utils/tools/names';

describe('tool and page names in the teacher’s language', () => {
  it('names Google Classroom’s pages as Google’s Spanish interface does', () => {
    expect(pageName('google-classroom', 'classwork', 'es')).toBe('Trabajo de clase');
    expect(pageName('google-classroom', 'classwork', 'es-419')).toBe('Trabajo de clase');
    expect(toolName('google-docs', 'es_MX')).toBe('Documentos de Google');
  });

  it('keeps brand names, and falls back to the catalogue’s English for a language without names', () => {
    expect(toolName('canvas', 'es')).toBe('Canvas');
    expect(pageName('canvas', 'speedgrader', 'es')).toBe('SpeedGrader');
    expect(pageName('google-classroom', 'classwork', 'fr')).toBe('Classwork');
    expect(pageName('canvas', null, 'es')).toBeNull();
    expect(toolName('not-a-tool', 'es')).toBe('not-a-tool');
  });

  it('names only tools and pages the catalogue knows', () => {
    const known = new Set(TOOLS.flatMap((tool) => [tool.id, ...tool.contexts.map((context) => `${tool.id}/${context.id}`)]));
    for (const names of Object.values(LOCALIZED_NAMES)) {
      expect(Object.keys(names).filter((key) => !known.has(key))).toEqual([]);
    }
  });
});
