import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { detect } from '../../../utils/tools/detect';

function documentFrom(html: string): Document {
  const window = new Window({ url: 'https://example.org/' });
  window.document.write(html);
  return window.document as unknown as Document;
}

/** A stand-in document that counts every property read, to prove whether detect() looked at it. */
function probeDocument(): { doc: Document; reads: () => number } {
  let reads = 0;
  const doc = new Proxy(
    {},
    {
      get() {
        reads++;
        return undefined;
      },
    },
  ) as Document;
  return { doc, reads: () => reads };
}

const SIGNATURE_PAGES = {
  canvas: '<body><div id="application" class="ic-app"><div id="wrapper" class="ic-Layout-wrapper"></div></div></body>',
  moodle:
    '<head><meta name="keywords" content="moodle, Year 7 Science"></head>' +
    '<body id="page-course-view-topics" class="format-topics path-course pagelayout-course"></body>',
  brightspace: '<html data-global-context=\'{"orgId":"6606"}\'><body><d2l-navigation></d2l-navigation></body></html>',
  blackboardUltra: '<body><div id="app"><bb-base-layout><main></main></bb-base-layout></div></body>',
  blackboardOriginal: '<body><div id="globalNavPageNavArea"><div id="topTabs"></div></div></body>',
  schoology: '<body><div id="header"><header><a data-sgy-sitenav="header-logo" href="/home"></a></header></div></body>',
  powerschool: '<body><div id="container"><div id="branding-powerschool"></div></div></body>',
};

describe('detect: look-alikes and vendor sites are not tools', () => {
  const notTools = [
    'https://classroom.google.com.evil.example/c/123',
    'https://evilinstructure.com/courses/1',
    'https://instructure.com/',
    'https://www.instructure.com/canvas',
    'https://district.instructure.com.evil.example/courses/1',
    'https://community.canvaslms.com/t5/Canvas-Basics-Guide/ct-p/canvas_basics_guide',
    'https://support.google.com/edu/classroom/answer/6020279',
    'https://moodle.org/',
    'https://moodle.org/mod/forum/discuss.php?d=12345',
    'https://docs.moodle.org/405/en/Assignment_activity',
    'https://help.blackboard.com/Learn/Instructor',
    'https://www.schoology.com/k-12',
    'https://documentation.brightspace.com/EN/le/assignments/learner/assignments_intro.htm',
    'https://www.powerschool.com/solutions/',
    'https://kahoot.com/',
    'https://kahoot.com/schools/',
    'https://info.flip.com/',
    'https://help.newsela.com/hc/en-us',
    'https://www.desmos.com/api/v1.9/docs/index.html',
    'https://www.desmos.com/',
    'https://www.desmos.com/calculators',
    'https://clever.com/',
    'https://clever.com/about',
    'https://docs.google.com/',
    'https://docs.google.com/documentary/d/abc/edit',
  ];
  for (const url of notTools) {
    it(`${url} → null`, () => {
      expect(detect(url)).toBeNull();
    });
  }

  it('does not take a tool URL carried in a query string for the tool', () => {
    expect(detect('https://www.google.com/url?q=https://classroom.google.com/c/123&sa=D')).toBeNull();
    expect(detect('https://www.google.com/search?q=classroom.google.com')).toBeNull();
    expect(detect('https://evil.example/?next=https%3A%2F%2Fdistrict.instructure.com%2F')).toBeNull();
  });

  it('does not take a tool host in the hash, the path or the user-info for the host', () => {
    expect(detect('https://classroom.google.com@evil.example/')).toBeNull();
    expect(detect('https://classroom.google.com:pw@evil.example/c/123')).toBeNull();
    expect(detect('https://evil.example/#https://classroom.google.com/c/123')).toBeNull();
    expect(detect('https://evil.example/classroom.google.com/c/123')).toBeNull();
  });

  it('ignores the vendor sites even when their page is built with the product', () => {
    // moodle.org itself runs Moodle: its page has the structure, but it is not a school's install.
    const doc = documentFrom(SIGNATURE_PAGES.moodle);
    expect(detect('https://moodle.org/mod/forum/view.php?id=55', doc)).toBeNull();
    expect(detect('https://docs.moodle.org/405/en/Main_page', doc)).toBeNull();
    expect(detect('https://www.instructure.com/', documentFrom(SIGNATURE_PAGES.canvas))).toBeNull();
  });
});

describe('detect: inputs that are not web pages', () => {
  const inputs = [
    '',
    'not a url',
    'classroom.google.com/c/123',
    '//classroom.google.com/c/123',
    'https://',
    'http://[::1',
    'ftp://classroom.google.com/c/123',
    'file:///home/teacher/classroom.google.com.html',
    'chrome://extensions/',
    'chrome-extension://abcdefghijklmnop/sidepanel.html',
    'about:blank',
    'javascript:location="https://classroom.google.com/"',
    'data:text/html,<a href="https://classroom.google.com/">x</a>',
    'view-source:https://classroom.google.com/c/123',
    'blob:https://classroom.google.com/5f1c1f0e-1111-2222-3333-444455556666',
  ];
  for (const input of inputs) {
    it(`${JSON.stringify(input)} → null`, () => {
      expect(detect(input)).toBeNull();
      expect(detect(input, documentFrom(SIGNATURE_PAGES.canvas))).toBeNull();
    });
  }
});

describe('detect: host spelling does not matter', () => {
  it('accepts upper-case hosts, a trailing dot and any port', () => {
    const stream = { tool: 'google-classroom', context: 'stream' };
    expect(detect('HTTPS://CLASSROOM.GOOGLE.COM/c/NjQ4MTIz')).toEqual(stream);
    expect(detect('https://classroom.google.com./c/NjQ4MTIz')).toEqual(stream);
    expect(detect('https://Classroom.Google.Com.:443/c/NjQ4MTIz')).toEqual(stream);
    expect(detect('https://classroom.google.com:8443/c/NjQ4MTIz')).toEqual(stream);
    expect(detect('http://classroom.google.com/c/NjQ4MTIz')).toEqual(stream);
    expect(detect('https://District.Instructure.COM./courses/1234/modules')).toEqual({ tool: 'canvas', context: 'modules' });
  });

  it('matches paths case-insensitively and ignores a trailing slash', () => {
    expect(detect('https://district.instructure.com/Courses/1234/Assignments/')).toEqual({ tool: 'canvas', context: 'assignments' });
    expect(detect('https://forms.office.com/pages/designpagev2.aspx?id=x')).toEqual({ tool: 'microsoft-forms', context: 'editor' });
  });

  it('strips the Google account prefix wherever it sits', () => {
    expect(detect('https://docs.google.com/u/1/document/d/abc123/edit')).toEqual({ tool: 'google-docs', context: 'editor' });
    expect(detect('https://docs.google.com/document/u/2/d/abc123/edit')).toEqual({ tool: 'google-docs', context: 'editor' });
    expect(detect('https://classroom.google.com/u/3/c/NjQ4MTIz')).toEqual({ tool: 'google-classroom', context: 'stream' });
  });

  it('gives a tool with no matching context a null context', () => {
    expect(detect('https://district.instructure.com/profile/settings')).toEqual({ tool: 'canvas', context: null });
    expect(detect('https://app.screencastify.com/')).toEqual({ tool: 'screencastify', context: null });
  });
});

describe('detect: self-hosted installs by structure', () => {
  const cases: Array<[string, string, { tool: string; context: string | null }]> = [
    ['https://lms.district.example/courses/12/gradebook', SIGNATURE_PAGES.canvas, { tool: 'canvas', context: 'gradebook' }],
    ['https://learn.school.example/course/view.php?id=4', SIGNATURE_PAGES.moodle, { tool: 'moodle', context: 'course-home' }],
    ['https://elearn.district.example/d2l/home/6606', SIGNATURE_PAGES.brightspace, { tool: 'brightspace', context: 'course-home' }],
    ['https://bb.college.example/ultra/stream', SIGNATURE_PAGES.blackboardUltra, { tool: 'blackboard', context: 'activity-stream' }],
    [
      'https://bb.college.example/webapps/gradebook/do/instructor/enterGradeCenter',
      SIGNATURE_PAGES.blackboardOriginal,
      { tool: 'blackboard', context: 'gradebook' },
    ],
    ['https://lms.unified.example/home', SIGNATURE_PAGES.schoology, { tool: 'schoology', context: 'home' }],
    ['https://ps.district.example/teachers/home.html', SIGNATURE_PAGES.powerschool, { tool: 'powerschool', context: 'teacher' }],
  ];
  for (const [url, html, expected] of cases) {
    it(`${url} → ${expected.tool}/${expected.context}`, () => {
      expect(detect(url, documentFrom(html))).toEqual(expected);
      expect(detect(url)).toBeNull();
    });
  }

  it('gives the self-hosted tool a null context on a page it has no context for', () => {
    expect(detect('https://learn.school.example/calendar/view.php', documentFrom(SIGNATURE_PAGES.moodle))).toEqual({
      tool: 'moodle',
      context: null,
    });
  });

  it('needs every part of a signature', () => {
    const partial = [
      '<body><div id="application" class="ic-app"></div></body>',
      '<body><div class="ic-Layout-wrapper"></div></body>',
      '<head><meta name="keywords" content="moodle, Year 7"></head><body></body>',
      '<body id="page-course-view-topics" class="pagelayout-course"></body>',
      '<html data-global-context="{}"><body></body></html>',
      '<body><d2l-navigation></d2l-navigation></body>',
      '<body><div id="topTabs"></div></body>',
      '<body><div id="header"></div></body>',
      '<head><link rel="stylesheet" href="/dist/brandable_css/default/variables-1.css"></head><body></body>',
      '<head><link rel="stylesheet" href="/theme/styles.php/boost/1_1/all"></head><body></body>',
      '<head><link rel="icon" href="https://s.brightspace.com/lib/favicon/3.0.0/favicon.ico"></head><body></body>',
      '<head><link rel="icon" href="/sites/all/themes/schoology_theme/favicon.ico"></head><body></body>',
      '<body><ul id="tools"></ul></body>',
    ];
    for (const html of partial) expect(detect('https://lms.district.example/courses/1', documentFrom(html)), html).toBeNull();
  });

  it('matches a sub-folder install once its folder is set aside, the root first', () => {
    const moodle = documentFrom(SIGNATURE_PAGES.moodle);
    expect(detect('https://lms.school.example/moodle/course/view.php?id=4', moodle)).toEqual({ tool: 'moodle', context: 'course-home' });
    expect(detect('https://www.school.example/lms/moodle/mod/quiz/edit.php?cmid=9', moodle)).toEqual({
      tool: 'moodle',
      context: 'quiz-editor',
    });
    // Deeper than two folders is not an install path; the tool is still found.
    expect(detect('https://www.school.example/a/b/c/course/view.php?id=4', moodle)).toEqual({ tool: 'moodle', context: null });
    // The folder is never taken for a context: /my is the dashboard, /moodle/ is not.
    expect(detect('https://lms.school.example/moodle/', moodle)).toEqual({ tool: 'moodle', context: null });
    expect(detect('https://lms.school.example/my/', moodle)).toEqual({ tool: 'moodle', context: 'dashboard' });
  });

  it('keeps path-routed tools that install at the root to the root', () => {
    const canvas = documentFrom(SIGNATURE_PAGES.canvas);
    expect(detect('https://lms.district.example/canvas/courses/12/gradebook', canvas)).toEqual({ tool: 'canvas', context: null });
  });

  it("takes no look-alike path on a self-hosted install for the tool (Canvas's API)", () => {
    expect(detect('https://lms.district.example/api/v1/courses/12', documentFrom(SIGNATURE_PAGES.canvas))).toBeNull();
  });

  it('tells a sibling route apart from a pattern that would swallow it (the Canvas syllabus)', () => {
    expect(detect('https://district.instructure.com/courses/12/assignments/syllabus')).toEqual({ tool: 'canvas', context: 'syllabus' });
    expect(detect('https://district.instructure.com/courses/12/assignments/77')).toEqual({ tool: 'canvas', context: 'assignment' });
  });

  it('recognises each newer signature on its own', () => {
    const pages: Array<[string, string]> = [
      [
        'canvas',
        '<head><link rel="stylesheet" href="/dist/brandable_css/default/variables-1.css"></head>' +
          '<body><script src="/dist/webpack-production/main-entry-1.js"></script></body>',
      ],
      ['canvas', '<body><div id="application" class="ic-app"><div id="wrapper" class="ic-app-main-layout-vertical"></div></div></body>'],
      [
        'moodle',
        '<head><link rel="stylesheet" href="/theme/styles.php/boost/1_1/all"></head><body id="page-my-index" class="pagelayout-mydashboard"></body>',
      ],
      // Without slash arguments ($CFG->slasharguments off) the theme and revision come as a query.
      [
        'moodle',
        '<head><link rel="stylesheet" href="/theme/styles.php?theme=boost&rev=1"></head><body id="page-my-index" class="pagelayout-mydashboard"></body>',
      ],
      [
        'brightspace',
        '<html data-global-context="{}"><body><nav class="d2l-navigation-s"><d2l-labs-navigation></d2l-labs-navigation></nav></body></html>',
      ],
      ['brightspace', '<html data-global-context="{}"><body><d2l-labs-navigation-immersive></d2l-labs-navigation-immersive></body></html>'],
      [
        'brightspace',
        '<html data-global-context="{}"><head><script src="https://s.brightspace.com/lib/bsi/1/app.js"></script></head></html>',
      ],
      ['schoology', '<head><link rel="stylesheet" href="/sites/all/themes/schoology_theme/css/style.css"></head><body></body>'],
      ['powerschool', '<body><div id="usercontext-bar"><ul id="tools"></ul></div></body>'],
    ];
    for (const [tool, html] of pages) expect(detect('https://lms.district.example/zz', documentFrom(html))?.tool, html).toBe(tool);
  });

  it('does not take a page that only talks about the tools for one', () => {
    const blog = documentFrom(
      '<head><title>Canvas vs Moodle vs Schoology</title><meta name="keywords" content="lms, canvas, moodle"></head>' +
        '<body><h1>Canvas, Moodle, Brightspace, Blackboard, Schoology and PowerSchool compared</h1>' +
        '<p>Canvas is built by Instructure. Moodle is open source. ic-app, pagelayout-course, bb-base-layout.</p>' +
        '<pre>&lt;div id="application" class="ic-app"&gt;&lt;div class="ic-Layout-wrapper"&gt;</pre>' +
        '<a href="https://district.instructure.com/courses/1">Our Canvas</a></body>',
    );
    expect(detect('https://blog.example/2024/choosing-an-lms', blog)).toBeNull();
    expect(detect('https://www.google.com/search?q=canvas+moodle', blog)).toBeNull();
  });
});

describe('detect: the URL decides on a known host', () => {
  it('never reads the document when a catalogue host matches', () => {
    const knownHostUrls = [
      'https://district.instructure.com/courses/1234/gradebook',
      'https://classroom.google.com/s',
      'https://app.seesaw.me/#/activities/class/class.1',
      'https://docs.google.com/forms/d/abc/edit#responses',
      'https://www.desmos.com/calculator',
    ];
    for (const url of knownHostUrls) {
      const probe = probeDocument();
      expect(detect(url, probe.doc)).not.toBeNull();
      expect(probe.reads(), url).toBe(0);
    }
  });

  it('reads the document on an unknown host (so the probe above can see a read)', () => {
    const probe = probeDocument();
    expect(detect('https://lms.district.example/courses/1', probe.doc)).toBeNull();
    expect(probe.reads()).toBeGreaterThan(0);
  });

  it('keeps the URL’s tool even when the page carries another tool’s structure', () => {
    expect(detect('https://classroom.google.com/c/NjQ4MTIz', documentFrom(SIGNATURE_PAGES.moodle))).toEqual({
      tool: 'google-classroom',
      context: 'stream',
    });
    expect(detect('https://district.schoology.com/home', documentFrom(SIGNATURE_PAGES.canvas))).toEqual({
      tool: 'schoology',
      context: 'home',
    });
  });
});

describe('detect: tools that share a host or route outside the path', () => {
  it('tells the Google tools on docs.google.com apart by their first segment', () => {
    expect(detect('https://docs.google.com/document/d/x/edit')?.tool).toBe('google-docs');
    expect(detect('https://docs.google.com/presentation/d/x/edit')?.tool).toBe('google-slides');
    expect(detect('https://docs.google.com/forms/d/x/edit')?.tool).toBe('google-forms');
    expect(detect('https://docs.google.com/spreadsheets/d/x/edit')?.tool).toBe('google-sheets');
  });

  it('reads Seesaw’s hash route and Nearpod’s pin query', () => {
    expect(detect('https://app.seesaw.me/#/activities/class/class.1')).toEqual({ tool: 'seesaw', context: 'activities' });
    expect(detect('https://app.seesaw.me/activities/class/class.1')).toEqual({ tool: 'seesaw', context: null });
    expect(detect('https://app.nearpod.com/?pin=ABCDE')).toEqual({ tool: 'nearpod', context: 'live-lesson' });
    expect(detect('https://app.nearpod.com/')).toEqual({ tool: 'nearpod', context: null });
  });

  it('takes only the calculator from www.desmos.com', () => {
    expect(detect('https://www.desmos.com/calculator/abcd1234')).toEqual({ tool: 'desmos', context: 'calculator' });
    expect(detect('https://www.desmos.com/api/v1.9/docs')).toBeNull();
  });
});
