// Static validation of APL documents with apl-suggester (run by devtools.screens.validate).
// Reads {"name": document, ...} as JSON on stdin; prints {"name": [problem, ...], ...}.
const path = require("path");
const {StaticAplTemplateValidator} = require(path.resolve(process.argv[2], "dist", "src", "index.js"));

let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", async () => {
  const documents = JSON.parse(input);
  const validator = new StaticAplTemplateValidator();
  const out = {};
  for (const [name, document] of Object.entries(documents)) {
    const results = await validator.validate(document);
    out[name] = results.map((r) => `${r.path || ""}: ${r.errorMessage}`);
  }
  process.stdout.write(JSON.stringify(out));
});
