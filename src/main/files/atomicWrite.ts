// Writing a file so that it is either the old file or the new one, never half of each:
// write-file-atomic writes a temporary file next to the target, fsyncs it and renames it
// over the target. If anything fails the temporary file is removed, the old file is
// untouched, and the error becomes one sentence for a person (no stack, no errno number).
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { Language } from '../../shared/bridge';

/** The writer used; tests pass one that fails at a chosen step. */
export type AtomicWriter = (
  file: string,
  data: string | Uint8Array,
  options: { encoding?: BufferEncoding; fsync?: boolean; mode?: number }
) => Promise<void>;

export const defaultWriter: AtomicWriter = (file, data, options) =>
  writeFileAtomic(
    file,
    typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength),
    options
  );

export type WriteOutcome = { ok: true } | { ok: false; code: string; message: string };

export interface AtomicWriteOptions {
  writer?: AtomicWriter;
  language?: Language;
  /** File mode for a new file (an existing file keeps its mode). */
  mode?: number;
}

/** Writes `data` to `file` atomically. Never throws: a failure is a plain message. */
export async function atomicWrite(
  file: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {}
): Promise<WriteOutcome> {
  const writer = options.writer ?? defaultWriter;
  try {
    await writer(file, data, {
      encoding: 'utf8',
      fsync: true,
      ...(options.mode === undefined ? {} : { mode: options.mode })
    });
    return { ok: true };
  } catch (error) {
    const code = errorCode(error);
    return { ok: false, code, message: describeWriteError(error, file, options.language ?? 'en') };
  }
}

export function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return 'UNKNOWN';
}

type Reasons = Record<string, { en: string; ar: string }>;

const REASONS: Reasons = {
  EACCES: {
    en: 'Permission denied: you are not allowed to write in that folder or to that file.',
    ar: 'الإذن مرفوض: لا يُسمح لك بالكتابة في هذا المجلد أو في هذا الملف.'
  },
  EPERM: {
    en: 'Permission denied: the system does not allow changing that file (it may be locked or protected).',
    ar: 'الإذن مرفوض: لا يسمح النظام بتغيير هذا الملف (قد يكون مقفلًا أو محميًا).'
  },
  ENOSPC: {
    en: 'The disk is full. Free some space or save somewhere else.',
    ar: 'القرص ممتلئ. أفرغ بعض المساحة أو احفظ في مكان آخر.'
  },
  EDQUOT: {
    en: 'Your disk quota is used up. Free some space or save somewhere else.',
    ar: 'نفدت حصتك من القرص. أفرغ بعض المساحة أو احفظ في مكان آخر.'
  },
  EROFS: {
    en: 'The disk or folder is read-only. Save somewhere else.',
    ar: 'القرص أو المجلد للقراءة فقط. احفظ في مكان آخر.'
  },
  ENOENT: {
    en: 'The folder no longer exists (it may have been moved, deleted or disconnected).',
    ar: 'المجلد لم يعد موجودًا (ربما نُقل أو حُذف أو فُصل).'
  },
  ENOTDIR: {
    en: 'Part of the path is not a folder.',
    ar: 'جزء من المسار ليس مجلدًا.'
  },
  EISDIR: {
    en: 'There is a folder with that name; choose another name.',
    ar: 'يوجد مجلد بهذا الاسم؛ اختر اسمًا آخر.'
  },
  EBUSY: {
    en: 'The file is in use by another program. Close it there and try again.',
    ar: 'الملف مستخدم من برنامج آخر. أغلقه هناك ثم حاول مجددًا.'
  },
  EMFILE: {
    en: 'Too many files are open. Close some programs and try again.',
    ar: 'هناك ملفات مفتوحة كثيرة جدًا. أغلق بعض البرامج ثم حاول مجددًا.'
  },
  ENAMETOOLONG: {
    en: 'The file name or path is too long.',
    ar: 'اسم الملف أو المسار طويل جدًا.'
  },
  EIO: {
    en: 'The disk reported an input/output error (it may be failing or disconnected).',
    ar: 'أبلغ القرص عن خطأ في القراءة أو الكتابة (ربما هو معطوب أو مفصول).'
  },
  EFBIG: {
    en: 'The file is too large for this disk.',
    ar: 'الملف أكبر مما يتسع له هذا القرص.'
  },
  EXDEV: {
    en: 'The file could not be moved into place on that disk.',
    ar: 'تعذّر نقل الملف إلى مكانه على هذا القرص.'
  }
};

/** Sentences for a person: what failed, why, and that nothing was overwritten (the old file is intact). */
export function describeWriteError(error: unknown, file: string, language: Language = 'en'): string {
  const name = path.basename(file);
  const code = errorCode(error);
  const reason = REASONS[code]?.[language];
  if (language === 'ar') {
    const why = reason ?? `حدث خطأ غير متوقع${code === 'UNKNOWN' ? '' : ` (${code})`}.`;
    return `تعذّر حفظ «${name}». ${why} لم يُستبدل أي ملف.`;
  }
  const why = reason ?? `Something unexpected went wrong${code === 'UNKNOWN' ? '' : ` (${code})`}.`;
  return `Mizan could not save "${name}". ${why} Nothing was overwritten.`;
}
