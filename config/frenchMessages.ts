import type { SessionFlowMessages } from 'ssr-session-flow/machine';

/** The demo's second language. Typed as a whole dictionary: a missing key fails the type-check. */
export const FRENCH_MESSAGES: SessionFlowMessages = {
  checking: 'Vérification de votre session…',
  refreshing: 'Renouvellement de votre session…',
  revalidating: 'Vérification de votre session…',
  reloading: 'Session renouvelée. Nouveau chargement de la page…',
  offline: {
    network: 'Vous semblez hors ligne. Votre session est intacte ; nouvel essai dès le retour de la connexion…',
    server: 'Le service de connexion ne répond pas. Votre session est intacte ; nouvel essai…',
    signInOffer: 'Vous pouvez aussi vous reconnecter.',
  },
  stuck: {
    'server-rejects-refreshed-session':
      'Votre session a été renouvelée, mais le serveur la refuse encore. Réessayez, ou reconnectez-vous si cela se répète.',
    'duplicate-session-cookies':
      'Votre navigateur garde deux cookies de session contradictoires pour ce site : la session ne peut pas être renouvelée. ' +
      'Reconnectez-vous ; si cela se répète, effacez les cookies de ce site.',
    'front-token-missing':
      'Le service de connexion a répondu sans les informations de session dont cette page a besoin (un proxy les retire peut-être). ' +
      'Réessayez, ou reconnectez-vous.',
    'sign-out-failed': 'Impossible de vous déconnecter : le serveur n’a pas répondu. Vérifiez votre connexion et réessayez.',
    'document-reload-failed': 'Votre session a été renouvelée, mais la page ne s’est pas rechargée. Réessayez, ou reconnectez-vous.',
    'unexpected-error': 'Une erreur est survenue pendant le renouvellement de votre session. Réessayez, ou reconnectez-vous.',
  },
  signingOut: 'Déconnexion avant de vous reconnecter…',
  redirecting: 'Votre session est terminée. Redirection vers la connexion…',
  redirectFailed: 'Votre session est terminée, et la page de connexion ne s’est pas ouverte d’elle-même.',
  authenticated: 'Connecté.',
  actions: {
    tryAgain: 'Réessayer',
    signInAgain: 'Se reconnecter',
    goToSignIn: 'Aller à la connexion',
  },
};
