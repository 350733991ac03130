namespace MailMerge; internal static class Placeholder {}
