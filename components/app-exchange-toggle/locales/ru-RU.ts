import type { AppExchangeMessages } from './en-US.js';

const ru: AppExchangeMessages = {
  heading: 'Приложения',
  intro:
    'Какие приложения могут открывать пользователи «{name}»: все, что может выдать родительский аккаунт, каждое включено или выключено.',
  introForm:
    'Какие приложения сможет открывать новый аккаунт: все, что может выдать «{name}», каждое включено или выключено.',
  filter: 'Фильтр приложений',
  filterHint: 'По названию или описанию.',
  enableAll: 'Включить все',
  disableAll: 'Выключить все',
  enableShown:
    '{count, plural, one {Включить # показанное} few {Включить # показанных} many {Включить # показанных} other {Включить # показанного}}',
  disableShown:
    '{count, plural, one {Выключить # показанное} few {Выключить # показанных} many {Выключить # показанных} other {Выключить # показанного}}',
  summary:
    'Включено {enabled} из {total, plural, one {# приложения} few {# приложений} many {# приложений} other {# приложения}}',
  showing:
    'Показано {shown} из {total, plural, one {# приложения} few {# приложений} many {# приложений} other {# приложения}}',
  noMatch: 'Нет приложений по запросу «{query}».',
  noneOffered: 'Родительскому аккаунту нечего выдать: у него нет приложений.',
  noneOfferedForm: 'У «{name}» нет приложений, которые можно выдать.',
  savedDone: 'Приложения «{name}» сохранены.',
};
export default ru;
