import { letterFileHandler } from "@/lib/http/letter-file-handler";

export const dynamic = "force-dynamic";

export const POST = letterFileHandler("eml");
