/** The built-in starter pack: its id in the database and its file in the extension. */
export const STARTER_PACK_ID = 'coachmark-starter';
export const STARTER_PACK_PATH = '/packs/starter.json';
