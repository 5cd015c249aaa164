// The API's input schemas, for actions only: the `.server` name keeps them (and the API code they import)
// out of the browser bundle, which Remix checks at build time (ADR 0150).
export * from '@aura/api/inputs'
