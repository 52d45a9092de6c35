/** The environment variable that hands a run's configuration file to the scenario workers. */
export const CONFIG_ENV = 'TWINSUB_CONFIG';
