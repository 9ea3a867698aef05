import { letterFileHandler } from "../letter-file-route";

export const dynamic = "force-dynamic";

export const POST = letterFileHandler("pdf");
