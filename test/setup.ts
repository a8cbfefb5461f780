// Engine errors read in English in test failures and `toThrow(/…/)` checks, as in logs.
import "../src/i18n/reasons";
