// The one table from a file-system error code to words a person understands, for the app
// (English and Arabic) and the command line (English), when reading and when writing. A reason
// is a phrase without a final full stop, so that it can end a CLI line ("cannot be read: no
// such file or folder") or begin a sentence in the app ("The disk is full: "x.mizan" was not
// saved; …"). Where the app says more when a file it opens cannot be read, the code's entry
// holds that sentence too (`opening`).
import path from 'node:path';
import type { Language } from '../engine/format';

interface Reason {
  en: string;
  ar: string;
  /** What the person can do about it, as a sentence. */
  advice?: { en: string; ar: string };
  /** What the app says after "Mizan could not open "x"." when reading fails so, as a sentence. */
  opening?: { en: string; ar: string };
}

const READ_DENIED = {
  en: 'Permission denied: you are not allowed to read it.',
  ar: 'الإذن مرفوض: لا يُسمح لك بقراءته.'
};

const SAVE_ELSEWHERE = {
  en: 'Free some space or save it somewhere else.',
  ar: 'أفرغ بعض المساحة أو احفظه في مكان آخر.'
};

const ONLY_ELSEWHERE = { en: 'Save it somewhere else.', ar: 'احفظه في مكان آخر.' };

const TOO_MANY_OPEN: Reason = {
  en: 'too many files are open',
  ar: 'هناك ملفات مفتوحة كثيرة جدًا',
  advice: { en: 'Close some programs and try again.', ar: 'أغلق بعض البرامج ثم حاول مجددًا.' }
};

const SYSTEM_ERRORS: Record<string, Reason> = {
  ENOSPC: { en: 'the disk is full', ar: 'القرص ممتلئ', advice: SAVE_ELSEWHERE },
  EDQUOT: { en: 'your disk quota is used up', ar: 'نفدت حصتك من القرص', advice: SAVE_ELSEWHERE },
  EFBIG: {
    en: 'the file is too large for this disk',
    ar: 'الملف أكبر مما يتسع له هذا القرص',
    advice: ONLY_ELSEWHERE
  },
  EROFS: {
    en: 'the file system is read-only',
    ar: 'نظام الملفات للقراءة فقط',
    advice: ONLY_ELSEWHERE
  },
  EACCES: { en: 'permission denied', ar: 'الإذن مرفوض', opening: READ_DENIED },
  EPERM: {
    en: 'permission denied (the file may be locked or protected)',
    ar: 'الإذن مرفوض (قد يكون الملف مقفلًا أو محميًا)',
    opening: READ_DENIED
  },
  ENOENT: {
    en: 'no such file or folder (it may have been moved, deleted or disconnected)',
    ar: 'لا يوجد ملف أو مجلد بهذا الاسم (ربما نُقل أو حُذف أو فُصل)',
    opening: { en: 'The file no longer exists.', ar: 'الملف لم يعد موجودًا.' }
  },
  ENOTDIR: { en: 'a part of the path is not a folder', ar: 'جزء من المسار ليس مجلدًا' },
  ENXIO: { en: 'not a regular file (a socket or a device)', ar: 'ليس ملفًا عاديًا (مقبس أو جهاز)' },
  /** Not an errno: readFile.ts's NotRegularFileError, and main's own check of a path's kind. */
  ENOTREG: {
    en: 'not a regular file (a named pipe, a device or a socket)',
    ar: 'ليس ملفًا عاديًا (أنبوب مسمّى أو جهاز أو مقبس)',
    opening: {
      en: 'It is not a regular file (a named pipe, a device or a socket).',
      ar: 'ليس ملفًا عاديًا (أنبوبًا مسمّى أو جهازًا أو مقبسًا).'
    }
  },
  EISDIR: {
    en: 'that name belongs to a folder, not a file',
    ar: 'هذا الاسم لمجلد وليس لملف',
    advice: { en: 'Choose another name.', ar: 'اختر اسمًا آخر.' },
    opening: { en: 'It is a folder, not a file.', ar: 'هذا مجلد وليس ملفًا.' }
  },
  EBUSY: {
    en: 'the file is in use by another program',
    ar: 'الملف مستخدم من برنامج آخر',
    advice: { en: 'Close it there and try again.', ar: 'أغلقه هناك ثم حاول مجددًا.' }
  },
  EMFILE: TOO_MANY_OPEN,
  ENFILE: TOO_MANY_OPEN,
  ENAMETOOLONG: { en: 'the file name or path is too long', ar: 'اسم الملف أو المسار طويل جدًا' },
  EIO: {
    en: 'the disk reported an input/output error (it may be failing or disconnected)',
    ar: 'أبلغ القرص عن خطأ في القراءة أو الكتابة (ربما هو معطوب أو مفصول)',
    opening: { en: 'The disk reported a read error.', ar: 'أبلغ القرص عن خطأ في القراءة.' }
  },
  EXDEV: { en: 'the file could not be moved into place on that disk', ar: 'تعذّر نقل الملف إلى مكانه على هذا القرص' }
};

export function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return 'UNKNOWN';
}

/** The reason for a file-system error, as a phrase ("the disk is full"); never a stack trace. */
export function systemErrorReason(error: unknown, language: Language = 'en'): string {
  const code = errorCode(error);
  const known = SYSTEM_ERRORS[code];
  if (known) return known[language];
  const shown = code === 'UNKNOWN' ? '' : ` (${code})`;
  return language === 'ar' ? `حدث خطأ غير متوقع${shown}` : `something unexpected went wrong${shown}`;
}

/** Why a file the app opens could not be read, as a sentence ("The file no longer exists."). */
export function describeReadError(error: unknown, language: Language = 'en'): string {
  return (
    SYSTEM_ERRORS[errorCode(error)]?.opening?.[language] ??
    (language === 'ar' ? 'تعذّرت قراءته.' : 'It could not be read.')
  );
}

/** What was being written: a document (still open in the app) or another file (export, settings). */
export type WrittenThing = 'document' | 'file';

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * A sentence for a person: why the write failed, what was not saved, and that nothing
 * was lost ("The disk is full: "x.mizan" was not saved; your document is still open and
 * unchanged. Free some space or save it somewhere else.").
 */
export function describeWriteError(
  error: unknown,
  file: string,
  language: Language = 'en',
  thing: WrittenThing = 'file'
): string {
  const name = path.basename(file);
  const reason = systemErrorReason(error, language);
  const advice = SYSTEM_ERRORS[errorCode(error)]?.advice?.[language];
  if (language === 'ar') {
    const kept = thing === 'document' ? 'ما زال مستندك مفتوحًا ولم يتغيّر' : 'لم يُستبدل أي ملف';
    return `${reason}: لم يُحفظ «${name}»؛ ${kept}.${advice ? ` ${advice}` : ''}`;
  }
  const kept = thing === 'document' ? 'your document is still open and unchanged' : 'nothing was overwritten';
  return `${capitalise(reason)}: "${name}" was not saved; ${kept}.${advice ? ` ${advice}` : ''}`;
}
