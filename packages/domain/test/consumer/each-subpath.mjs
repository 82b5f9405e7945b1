// Imports every subpath named on the command line and prints how many names each exports.
const counts = {};
for (const subpath of process.argv.slice(2)) {
  const module = await import(subpath === "." ? "@ogi/domain" : `@ogi/domain/${subpath}`);
  counts[subpath] = Object.keys(module).length;
}
console.log(JSON.stringify(counts));
