/** The charset named by a Content-Type header (`application/rss+xml; charset=windows-1251`). */
function charsetOfContentType(contentType: string | undefined): string | null {
  const match = /;\s*charset\s*=\s*"?([\w.:-]{1,40})"?/i.exec(contentType ?? '');
  return match?.[1] ?? null;
}

/** The encoding declared in an XML prolog (`<?xml version="1.0" encoding="iso-8859-1"?>`). */
function encodingOfProlog(bytes: Uint8Array): string | null {
  // The prolog is ASCII in every encoding a feed may declare, so latin1 reads it safely.
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const match = /^<\?xml[^>]{0,150}?\bencoding\s*=\s*["']([\w.:-]{1,40})["']/.exec(head);
  return match?.[1] ?? null;
}

function decoderFor(label: string | null): { decode(bytes: Uint8Array): string } | null {
  if (!label) return null;
  try {
    return new TextDecoder(label);
  } catch {
    // An encoding name TextDecoder does not know: fall back to UTF-8 rather than refuse.
    return null;
  }
}

/**
 * Decodes a feed as it declares itself: a byte-order mark first, then the HTTP charset, then
 * the XML prolog's `encoding`, else UTF-8. Many regional outlets still publish windows-1251 or
 * ISO-8859-x feeds, which read as UTF-8 would turn every accented or Cyrillic letter into U+FFFD.
 */
export function decodeFeed(bytes: Uint8Array, contentType?: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
  const decoder =
    decoderFor(charsetOfContentType(contentType)) ??
    decoderFor(encodingOfProlog(bytes)) ??
    new TextDecoder('utf-8');
  return decoder.decode(bytes);
}
