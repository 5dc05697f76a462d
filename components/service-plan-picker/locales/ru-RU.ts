import type { PlanPickerMessages } from './en-US.js';

const ruRU: PlanPickerMessages = {
  heading: 'Тарифные планы',
  uncategorized: 'Другие планы',
  notOffered: 'Больше не предлагаются',
  unknownPlan: 'Неизвестный план {id}',
  unknownPlans: 'Некоторые выбранные планы этот реселлер не предлагает.',
  noneOffered: 'Выбирать не из чего: реселлер этого аккаунта не предлагает тарифных планов.',
  noneOfferedReseller: 'Выбирать не из чего: этот реселлер не предлагает тарифных планов.',
  unavailable: 'Тарифные планы не показаны: у вас нет прав на просмотр планов реселлера этого аккаунта.',
  selected:
    '{count, plural, =0 {План не выбран} one {Выбран # план} few {Выбрано # плана} many {Выбрано # планов} other {Выбрано # плана}}',
  savedDone: 'Тарифные планы сохранены.',
  chargesDeclined:
    'У этих планов есть платежи, которые не были приняты, поэтому ничего не изменилось. Ваш выбор сохранён.',
  conflictField: 'Выбранные планы',
  none: 'нет',
};
export default ruRU;
