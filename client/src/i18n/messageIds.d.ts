import type { MessageId } from '../../../shared/i18n/catalog';

// react-intl checks every `id` against the English catalog: an unknown id does not type-check.
declare global {
  namespace FormatjsIntl {
    interface Message {
      ids: MessageId;
    }
  }
}
