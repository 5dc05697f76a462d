import type { NumberFeaturesMessages } from './en-US.js';

const es: NumberFeaturesMessages = {
  heading: 'Funciones de los números',
  intro: 'Lo que los usuarios de este cliente pueden configurar en sus números.',
  e911: 'Direcciones de emergencia E911',
  e911Description:
    'Activado: los usuarios pueden asignar a cada número la dirección que se envía a los servicios de emergencia. Desactivado: los ajustes de E911 quedan ocultos.',
  cnam: 'Nombre del llamante (CNAM)',
  cnamDescription:
    'Activado: los usuarios pueden elegir el nombre que se muestra en sus llamadas salientes y consultar el nombre de quien llama. Desactivado: estos ajustes quedan ocultos.',
  savedDone: 'Funciones de los números de {name} guardadas.',
};
export default es;
