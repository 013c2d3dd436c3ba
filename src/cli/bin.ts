/** The process entry of `happenings` (bin/happenings.js runs the compiled copy of this file). */
import { main } from './main.js';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
