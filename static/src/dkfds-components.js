/* The DKFDS components the portal's pages use, and only those: `make assets` bundles this file
 * with esbuild into the DKFDS script the pages load (window.DKFDS), instead of DKFDS's whole
 * bundle with its date picker, modals, menus, tabs and tooltips that no page has.
 *
 * DKFDS.init() starts each of them the way DKFDS's own init() does. A page that starts using
 * another DKFDS component adds it here (the list is in node_modules/dkfds/src/js/dkfds.js).
 * The package exports only its dist bundle, so the sources are imported by relative path. */
import CharacterLimit from '../../node_modules/dkfds/src/js/components/character-limit';
import ErrorSummary from '../../node_modules/dkfds/src/js/components/error-summary';
import RadioToggleGroup from '../../node_modules/dkfds/src/js/components/radio-toggle-content';
import ResponsiveTable from '../../node_modules/dkfds/src/js/components/table';

const RESPONSIVE_TABLES = 'table.table--responsive-headers, table.table-sm-responsive-headers, ' +
  'table.table-md-responsive-headers, table.table-lg-responsive-headers';

function init(options) {
  const scope = (options && options.scope) || document;

  const limits = scope.getElementsByClassName('form-limit');
  for (let i = 0; i < limits.length; i++) {
    new CharacterLimit(limits[i]).init();
  }

  new ErrorSummary(scope.querySelector('[data-module="error-summary"]')).init();

  const radioGroups = scope.getElementsByClassName('js-radio-toggle-group');
  for (let i = 0; i < radioGroups.length; i++) {
    new RadioToggleGroup(radioGroups[i]).init();
  }

  const tables = scope.querySelectorAll(RESPONSIVE_TABLES);
  for (let i = 0; i < tables.length; i++) {
    new ResponsiveTable(tables[i]);
  }
}

window.DKFDS = { init, CharacterLimit, ErrorSummary, RadioToggleGroup, ResponsiveTable };
