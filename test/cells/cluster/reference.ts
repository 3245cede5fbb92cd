/** The committed scipy reference (fixtures/reference.py → fixtures/reference.json). */
import reference from './fixtures/reference.json';

export { reference };
