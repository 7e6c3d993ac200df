import type { PlanSummaryModel } from '@/utils/plan/summary';

/** The meeting summary as a one-page document: on screen, and what the browser prints. */
export function PlanDocument({ model, headingLevel = 3 }: { model: PlanSummaryModel; headingLevel?: 1 | 3 }) {
  const Title = headingLevel === 1 ? 'h1' : 'h3';
  const Section = headingLevel === 1 ? 'h2' : 'h4';
  return (
    <article class="plan-doc" data-testid="plan-summary">
      <Title class="plan-doc__title">{model.title}</Title>
      <ul class="plan-doc__meta">
        {model.meta.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {model.sections.map((section) => (
        <section key={section.id} class="plan-doc__section" data-section={section.id}>
          <Section class="plan-doc__heading">{section.heading}</Section>
          {section.items.length === 0 ? (
            <p class="plan-doc__empty">{section.empty}</p>
          ) : (
            <ul class="plan-doc__items">
              {section.items.map((item, index) => (
                <li key={index}>
                  <p class="plan-doc__item-title">{item.title}</p>
                  {item.lines.length > 0 && (
                    <ul class="plan-doc__lines">
                      {item.lines.map((line, lineIndex) => (
                        <li key={lineIndex}>{line}</li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      {model.omitted && <p class="plan-doc__omitted">{model.omitted}</p>}
    </article>
  );
}
