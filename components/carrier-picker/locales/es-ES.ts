import type { CarrierPickerMessages } from './en-US.js';

const es: CarrierPickerMessages = {
  heading: 'Operadores',
  intro: 'Qué operadores cursan las llamadas de esta cuenta a números fuera de la plataforma.',
  introNew: 'Qué operadores cursarán las llamadas de la nueva cuenta a números fuera de la plataforma.',
  system: 'Operadores de la plataforma',
  systemHint: 'Los operadores que la plataforma ofrece a todas las cuentas.',
  resellerNamed: 'Operadores de {name}',
  resellerUnnamed: 'Operadores de su revendedor',
  resellerHint: 'Los operadores que el revendedor ha configurado para sus clientes.',
  resellerNone: 'Esta cuenta no tiene un revendedor cuyos operadores pueda usar.',
  own: 'Operadores propios de esta cuenta',
  ownHint: 'Operadores configurados solo para esta cuenta.',
  ownCount: '{count, plural, one {Tiene # operador propio.} other {Tiene # operadores propios.}}',
  ownNone: 'Esta cuenta no tiene operadores propios: sus llamadas al exterior fallarán hasta que se añada uno.',
  ownNoneNew: 'Una cuenta nueva no tiene operadores propios: sus llamadas al exterior fallarán hasta que se añada uno.',
  notSaved:
    'Aún no hay nada guardado para esta cuenta: usa los operadores de la plataforma hasta que guarde una elección.',
  unsupported: 'Esta cuenta usa una configuración de operadores que esta página no gestiona:',
  unsupportedHunt: 'sus llamadas al exterior pasan por los operadores de {name}.',
  unsupportedHuntHidden: 'sus llamadas al exterior pasan por los operadores de otra cuenta, que usted no puede ver.',
  unsupportedOther: 'sus llamadas al exterior las gestiona un flujo de llamadas configurado en otro lugar.',
  unsupportedKeep: 'Se mantiene tal cual hasta que elija una de las opciones de abajo y guarde.',
  unsupportedValue: 'una configuración que esta página no gestiona',
  chooseOne: 'Elija qué operadores usar.',
  savedDone: 'Operadores de {name} guardados.',
};
export default es;
