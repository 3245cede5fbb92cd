/** The committed Python reference (test/golden/forecast/reference.py → reference.json). */
import reference from '../../golden/forecast/reference.json';

export { reference };
