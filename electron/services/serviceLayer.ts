/**
 * The service layer as startup.ts builds it over an open archive: every service, the contract's
 * schemas, the Word and exchange code. It is most of the app's code, and evaluating it takes a few
 * hundred milliseconds on a busy computer, so the start loads it only after the transport is up (the
 * harness listens, the app has made its window): the window loads while this does, not after it.
 * The connection to the kommune's server (../sync/sharing/laptopSharing.ts) is not in it: the start
 * loads that once the first screen has its answers.
 */
export { withBackgroundWork } from './background';
export { createContext, useSharing } from './context';
export { sharingLater } from '../sync/sharing/sharingLater';
export { createServices } from './dispatch';
