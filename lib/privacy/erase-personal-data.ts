// The one function that removes what a signature holds, kept in data.ts with
// the other writes; imported from here by deleting (delete-supporter-data.ts)
// and purging alike.
export { erasePersonalData } from "./data";
