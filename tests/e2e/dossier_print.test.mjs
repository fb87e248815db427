// The acceptance dossier on paper (issue 17): `junheng report` writes the printable page of an
// 85-school county (tests/fixtures/dossier/county85.csv, tools/gen_dossier_county.py), and
// headless Chromium prints it as a user would. At most 10 A4 pages, numbered 第 x 页 共 y 页,
// page 1 naming the county and both verdicts of each level. The pages are also drawn as PNG in
// /tmp/junheng-shots/ (not committed) for a person to look at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture, launch, openPage, root } from './harness.mjs';

const SHOTS = '/tmp/junheng-shots';

/** Runs `junheng report ARGS` (the debug build, as flow.test.mjs runs `analyze`). */
function report(args) {
  execFileSync('cargo', ['run', '-q', '-p', 'junheng-cli', '--', 'report', ...args],
    { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** The text of one page of a PDF, by poppler's pdftotext. */
function pageText(file, n) {
  return execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', file, '-']).toString();
}

const cases = [
  {
    lang: 'zh',
    footer: /第\s*1\s*页\s*共\s*(\d+)\s*页/,
    page1: ['青山县2023年县域义务教育均衡发展评估数据表', '青山县教育局', '小学', '初中',
      '基本均衡', '优质均衡', '达标', '未达标', '填表人', '审核人', '单位（盖章）', '日期'],
  },
  {
    lang: 'en',
    footer: /Page 1 of (\d+)/,
    page1: ['青山县', '2023', 'Primary', 'Junior secondary', '2012 verdict', '2017 verdict', 'Pass',
      'Fail', 'Prepared by:', 'Checked by:', 'Unit (seal):', 'Date:'],
  },
];

for (const c of cases) {
  test(`the 85-school dossier (${c.lang}) prints on at most 10 A4 pages, page 1 with the county and both verdicts`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'junheng-dossier-'));
    const html = join(dir, `dossier-${c.lang}.html`);
    report([fixture('dossier/county85.csv'), '--lang', c.lang, '-o', html]);

    const browser = await launch();
    let pdf;
    try {
      const page = await openPage(browser, 'file://');
      await page.goto(`file://${html}`);
      await page.emulateMedia({ media: 'print' });
      // The page's own @page rule sets A4 and the page numbers.
      pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      assert.deepEqual(page.foreignRequests, [], 'the dossier page makes no request');
      assert.deepEqual(page.errors, []);
    } finally {
      await browser.close();
    }
    const file = join(dir, `dossier-${c.lang}.pdf`);
    writeFileSync(file, pdf);

    const info = execFileSync('pdfinfo', [file]).toString();
    const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
    assert.ok(pages >= 5 && pages <= 10, `${pages} pages (at most 10)`);
    assert.match(info, /Page size:.*\(A4\)/);

    const first = pageText(file, 1);
    for (const word of c.page1) assert.ok(first.includes(word), `page 1 lacks ${word}:\n${first}`);
    const footer = c.footer.exec(first);
    assert.ok(footer, `page 1 is numbered:\n${first}`);
    assert.equal(Number(footer[1]), pages);
    // Page 1 is the summary alone: the tables start on page 2.
    assert.ok(!first.includes(c.lang === 'zh' ? '表1 学校基本情况' : 'Table 1.'));
    assert.ok(pageText(file, 2).includes(c.lang === 'zh' ? '表1 学校基本情况' : 'Table 1.'));
    // 表3's header is repeated on each of its pages.
    const schoolsHeader = c.lang === 'zh' ? '达标值 4.20' : 'standard 4.20';
    const withHeader = [...Array(pages).keys()].filter((k) => pageText(file, k + 1).includes(schoolsHeader));
    assert.ok(withHeader.length >= 2, `表3 header on pages ${withHeader.map((k) => k + 1)}`);

    mkdirSync(SHOTS, { recursive: true });
    execFileSync('pdftoppm', ['-r', '80', '-png', file, join(SHOTS, `dossier-${c.lang}`)]);
    rmSync(dir, { recursive: true, force: true });
  });
}
