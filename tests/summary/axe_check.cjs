// axe-core (all WCAG 2.x A/AA rules and the best-practice ones) and a 320 px reflow check on HTML files, in Debian's
// chromium driven by puppeteer-core (which never downloads a browser). Prints one JSON object: for each file, its
// violations and how wide the page is at 320 px. Usage: node axe_check.cjs CHROMIUM FILE.html...
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const puppeteer = require("puppeteer-core");

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

async function main() {
  const [chromium, ...files] = process.argv.slice(2);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "axe-chromium-"));
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    userDataDir: profile,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  const results = {};
  try {
    const page = await browser.newPage();
    for (const file of files) {
      await page.setViewport({ width: 1000, height: 800 });
      await page.goto("file://" + path.resolve(file), { waitUntil: "load" });
      await page.addScriptTag({ content: axeSource });
      const found = await page.evaluate(async (tags) => {
        const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
                                         nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
      }, TAGS);
      await page.setViewport({ width: 320, height: 640 });
      const [width, widest] = await page.evaluate(() => {
        let worst = null;
        for (const el of document.body.querySelectorAll("*")) {
          const right = el.getBoundingClientRect().right;
          if (right > 320 && (!worst || right > worst.right)) {
            worst = { right, tag: el.tagName.toLowerCase(), text: (el.textContent || "").slice(0, 60) };
          }
        }
        return [document.documentElement.scrollWidth, worst];
      });
      results[file] = { violations: found, scroll_width_at_320: width, widest };
    }
  } finally {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  process.stdout.write(JSON.stringify(results) + "\n");
}

main().catch((err) => { process.stderr.write(String(err && err.stack || err) + "\n"); process.exit(1); });
