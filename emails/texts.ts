// Texts of the supporter emails, in every language the interface speaks.
// {name} holes are filled by the templates.

type EmailTexts = {
  footer: { why: string; delete: string };
  /**
   * Labels of a link's addresses when an email gives more than one (the
   * usual one, the Tor onion service, the mirror the supporter used); an
   * email with one address shows none.
   */
  links: { canonical: string; onion: string; mirror: string };
  confirmation: {
    subject: string;
    intro: string;
    list: string;
    exact: string;
    replyYes: string;
    replyNo: string;
    link: string;
    notMe: string;
    ignore: string;
  };
  thankYou: { subject: string; body: string; next: string; safety: string };
  /** ICU messages (plural forms), formatted by emails/delivery-summary.ts; the *Shared ones are for one email to an address several addressees share. */
  summary: {
    subject: string;
    intro: string;
    sent: string;
    sentShared: string;
    failed: string;
    failedShared: string;
    cancelled: string;
    cancelledShared: string;
    closing: string;
  };
  /** One email for the submissions held while an address was flooded; the *Contact ones are for a submission with no letters, only the address to confirm. */
  held: {
    subject: string;
    subjectContact: string;
    intro: string;
    item: string;
    itemContact: string;
    confirm: string;
    confirmContact: string;
    notMe: string;
    ignore: string;
  };
  reminder: {
    subject: string;
    intro: string;
    list: string;
    deadline: string;
    link: string;
    notMe: string;
    last: string;
  };
  /** An address given with "the organisers may email me" and no letters for us to send: confirm it before anyone writes to it. */
  contactConfirmation: {
    subject: string;
    intro: string;
    nothingSent: string;
    link: string;
    notMe: string;
    ignore: string;
  };
  contactReminder: {
    subject: string;
    intro: string;
    deadline: string;
    link: string;
    notMe: string;
    last: string;
  };
  outcome: { intro: string; safety: string };
  /** How a number of days reads, by plural category (Intl.PluralRules); "#" is the number. */
  days: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
};

const texts: Record<string, EmailTexts> = {
  en: {
    footer: {
      why: "You receive this email because this address was given on our letter form. We keep it encrypted and delete it {days} after your letters are delivered or the campaign closes, whichever comes first; if you agreed that we may contact you, {days} after the campaign closes.",
      delete: "Delete my data now:",
    },
    links: { canonical: "Usual address:", onion: "Tor Browser (onion address):", mirror: "Mirror address:" },
    confirmation: {
      subject: "Confirm your email address to send your letters",
      intro:
        "You asked us to send your letters for the campaign “{title}”. They leave only once you confirm this address.",
      list: "Letters waiting for your confirmation:",
      link: "Confirm and send (the link works for 72 hours):",
      exact:
        "This is exactly what will be sent in your name, from the campaign’s address (each addressee gets their own salutation):",
      replyYes:
        "Replies will reach this address: every addressee, the FSB and the Prosecutor General’s Office included, will see it.",
      replyNo: "The addressees will not see this address.",
      notMe: "This was not me: delete it (nothing will be sent):",
      ignore: "If you did not ask for this, ignore this email: nothing will be sent.",
    },
    thankYou: {
      subject: "Thank you: your letters are on their way",
      body: "Thank you for writing for the campaign “{title}”. Your address is confirmed and these letters are queued:",
      next: "We will write once more when the mail servers have accepted or refused them.",
      safety: "If you live in or travel to Russia, delete this email: taking part can be prosecuted there.",
    },
    summary: {
      subject: "Your letters: delivery report",
      intro:
        "Here is what happened to your letters for the campaign “{title}”. We can see whether the mail servers accepted a letter or refused it, not whether it reached the inbox or anyone read it:",
      sent: "{addressee}: sent on {date} and accepted by the mail servers (none has refused it so far)",
      sentShared:
        "{addressees}: one letter sent on {date}, in one email to the address they share ({address}), and accepted by the mail servers (none has refused it so far)",
      failed:
        "{addressee}: not delivered (the receiving mail server refused it, sent it back, or could not be reached)",
      failedShared:
        "{addressees}: the one email to the address they share ({address}) was not delivered (the receiving mail server refused it, sent it back, or could not be reached)",
      cancelled: "{addressee}: not sent (cancelled)",
      cancelledShared: "{addressees}: not sent (cancelled); it was one email to the address they share ({address})",
      closing:
        "Thank you for taking part. We delete your personal data {days, plural, one {# day} other {# days}} from today at the latest. If you agreed to hear about the outcome, we keep only your email address, encrypted, until {days, plural, one {# day} other {# days}} after the campaign closes. The link below deletes it all now.",
    },
    held: {
      subject: "Letters in your name are waiting: see them before anything is sent",
      subjectContact: "Your address was given on our letter form: confirm only what you did yourself",
      intro:
        "In the last hour this address was given on our letter form more often than we send confirmation emails, so we held them back and list them all here. Nothing has been sent. Someone else may have typed your address: confirm only what you wrote yourself.",
      item: "{time} (UTC), campaign “{title}”, letters to: {addressees}",
      itemContact:
        "{time} (UTC), campaign “{title}”: may the organisers email you about this appeal? (nothing is sent in your name)",
      confirm: "See the exact text and confirm (72 hours):",
      confirmContact: "Confirm my address for this appeal (72 hours):",
      notMe: "This was not me: delete it:",
      ignore: "If none of these was you, ignore this email: nothing will be sent, and the submissions will be deleted.",
    },
    reminder: {
      subject: "Reminder: your letters are waiting for your confirmation",
      intro:
        "You asked us to send your letters for the campaign “{title}”. Nothing has been sent yet: they leave only once you confirm this address.",
      list: "Letters waiting for your confirmation:",
      deadline: "The link works until {deadline} (UTC). After that, the letters will not be sent.",
      link: "See the exact text and confirm:",
      notMe: "This was not me: delete it (nothing will be sent):",
      last: "This is our only reminder: we will not write about these letters again unless you confirm them.",
    },
    contactConfirmation: {
      subject: "Confirm your email address to hear about the appeal",
      intro:
        "You signed the campaign “{title}” and agreed that the organisers may email you about this appeal. Before anyone writes to this address, please confirm that it is yours.",
      nothingSent:
        "Nothing is sent in your name: your signature already counts, and confirming neither sends a letter nor counts it again.",
      link: "Confirm my address (the link works for 72 hours):",
      notMe: "This was not me: delete it:",
      ignore: "If you did not ask for this, ignore this email: no one will write to this address about the appeal.",
    },
    contactReminder: {
      subject: "Reminder: confirm your email address to hear about the appeal",
      intro:
        "You signed the campaign “{title}” and agreed that the organisers may email you about this appeal. Your address is not confirmed yet, so no one will write to it. Nothing is sent in your name.",
      deadline: "The link works until {deadline} (UTC). After that, we will not write to you about this appeal.",
      link: "Confirm my address:",
      notMe: "This was not me: delete it:",
      last: "This is our only reminder: we will not write to you again unless you confirm.",
    },
    outcome: {
      intro: "You wrote for the campaign “{title}” and agreed that we may contact you. Here is news from the campaign:",
      safety: "If you live in or travel to Russia, delete this email: taking part can be prosecuted there.",
    },
    days: { one: "# day", other: "# days" },
  },
  fr: {
    footer: {
      why: "Vous recevez ce message parce que cette adresse a été donnée dans notre formulaire de lettre. Nous la gardons chiffrée et la supprimons {days} après la remise de vos lettres ou la fin de la campagne, selon ce qui arrive en premier ; si vous avez accepté que nous vous contactions, {days} après la fin de la campagne.",
      delete: "Supprimer mes données maintenant :",
    },
    links: { canonical: "Adresse habituelle :", onion: "Navigateur Tor (adresse onion) :", mirror: "Adresse miroir :" },
    confirmation: {
      subject: "Confirmez votre adresse pour envoyer vos lettres",
      intro:
        "Vous nous avez demandé d’envoyer vos lettres pour la campagne « {title} ». Elles ne partiront qu’après confirmation de cette adresse.",
      list: "Lettres en attente de confirmation :",
      link: "Confirmer et envoyer (le lien est valable 72 heures) :",
      exact:
        "Voici exactement ce qui sera envoyé en votre nom, depuis l’adresse de la campagne (chaque destinataire reçoit sa propre formule d’appel) :",
      replyYes:
        "Les réponses arriveront à cette adresse : chaque destinataire, y compris le FSB et le parquet général, la verra.",
      replyNo: "Les destinataires ne verront pas cette adresse.",
      notMe: "Ce n’était pas moi : supprimer (rien ne sera envoyé) :",
      ignore: "Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : rien ne sera envoyé.",
    },
    thankYou: {
      subject: "Merci : vos lettres sont en route",
      body: "Merci d’avoir écrit pour la campagne « {title} ». Votre adresse est confirmée et ces lettres sont en file d’envoi :",
      next: "Nous vous écrirons encore une fois quand les serveurs de messagerie les auront acceptées ou refusées.",
      safety: "Si vous vivez en Russie ou y voyagez, supprimez ce message : y participer peut y être poursuivi.",
    },
    summary: {
      subject: "Vos lettres : compte rendu d’envoi",
      intro:
        "Voici ce qu’il est advenu de vos lettres pour la campagne « {title} ». Nous voyons si les serveurs de messagerie ont accepté ou refusé une lettre, pas si elle est arrivée dans la boîte de réception ni si quelqu’un l’a lue :",
      sent: "{addressee} : envoyée le {date} et acceptée par les serveurs de messagerie (aucun ne l’a refusée jusqu’ici)",
      sentShared:
        "{addressees} : une seule lettre envoyée le {date}, par un e-mail à l’adresse qu’ils partagent ({address}), et acceptée par les serveurs de messagerie (aucun ne l’a refusée jusqu’ici)",
      failed: "{addressee} : non remise (le serveur de destination l’a refusée, renvoyée, ou n’a pas pu être joint)",
      failedShared:
        "{addressees} : l’e-mail unique à l’adresse qu’ils partagent ({address}) n’a pas été remis (le serveur de destination l’a refusé, renvoyé, ou n’a pas pu être joint)",
      cancelled: "{addressee} : non envoyée (annulée)",
      cancelledShared:
        "{addressees} : non envoyée (annulée) ; c’était un seul e-mail à l’adresse qu’ils partagent ({address})",
      closing:
        "Merci de votre participation. Nous supprimons vos données personnelles au plus tard dans {days, plural, one {# jour} other {# jours}}. Si vous avez accepté d’être informé du résultat, nous gardons seulement votre adresse e-mail, chiffrée, jusqu’à {days, plural, one {# jour} other {# jours}} après la fin de la campagne. Le lien ci-dessous efface tout dès maintenant.",
    },
    held: {
      subject: "Des lettres à votre nom attendent : voyez-les avant tout envoi",
      subjectContact:
        "Votre adresse a été donnée dans notre formulaire : ne confirmez que ce que vous avez fait vous-même",
      intro:
        "Au cours de la dernière heure, cette adresse a été donnée dans notre formulaire plus souvent que nous n’envoyons de messages de confirmation ; nous les avons donc retenus et les listons tous ici. Rien n’a été envoyé. Quelqu’un d’autre a peut-être saisi votre adresse : ne confirmez que ce que vous avez écrit vous-même.",
      item: "{time} (UTC), campagne « {title} », lettres à : {addressees}",
      itemContact:
        "{time} (UTC), campagne « {title} » : les organisateurs peuvent-ils vous écrire au sujet de cet appel ? (rien n’est envoyé en votre nom)",
      confirm: "Voir le texte exact et confirmer (72 heures) :",
      confirmContact: "Confirmer mon adresse pour cet appel (72 heures) :",
      notMe: "Ce n’était pas moi : supprimer :",
      ignore:
        "Si aucun de ces envois ne vient de vous, ignorez ce message : rien ne sera envoyé et les envois seront supprimés.",
    },
    reminder: {
      subject: "Rappel : vos lettres attendent votre confirmation",
      intro:
        "Vous nous avez demandé d’envoyer vos lettres pour la campagne « {title} ». Rien n’a encore été envoyé : elles ne partiront qu’après confirmation de cette adresse.",
      list: "Lettres en attente de confirmation :",
      deadline: "Le lien est valable jusqu’au {deadline} (UTC). Passé ce délai, les lettres ne seront pas envoyées.",
      link: "Voir le texte exact et confirmer :",
      notMe: "Ce n’était pas moi : supprimer (rien ne sera envoyé) :",
      last: "C’est notre seul rappel : nous ne vous écrirons plus au sujet de ces lettres, sauf si vous les confirmez.",
    },
    contactConfirmation: {
      subject: "Confirmez votre adresse e-mail pour avoir des nouvelles de l’appel",
      intro:
        "Vous avez signé la campagne « {title} » et accepté que les organisateurs vous écrivent au sujet de cet appel. Avant que quiconque écrive à cette adresse, merci de confirmer qu’elle est bien la vôtre.",
      nothingSent:
        "Rien n’est envoyé en votre nom : votre signature compte déjà, et confirmer n’envoie aucune lettre et ne la compte pas une seconde fois.",
      link: "Confirmer mon adresse (le lien est valable 72 heures) :",
      notMe: "Ce n’était pas moi : supprimer :",
      ignore:
        "Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : personne n’écrira à cette adresse au sujet de l’appel.",
    },
    contactReminder: {
      subject: "Rappel : confirmez votre adresse e-mail pour avoir des nouvelles de l’appel",
      intro:
        "Vous avez signé la campagne « {title} » et accepté que les organisateurs vous écrivent au sujet de cet appel. Votre adresse n’est pas encore confirmée : personne ne vous écrira. Rien n’est envoyé en votre nom.",
      deadline:
        "Le lien est valable jusqu’au {deadline} (UTC). Passé ce délai, nous ne vous écrirons pas au sujet de cet appel.",
      link: "Confirmer mon adresse :",
      notMe: "Ce n’était pas moi : supprimer :",
      last: "C’est notre seul rappel : nous ne vous écrirons plus, sauf si vous confirmez.",
    },
    outcome: {
      intro:
        "Vous avez écrit pour la campagne « {title} » et accepté que nous vous contactions. Voici des nouvelles de la campagne :",
      safety: "Si vous vivez en Russie ou y voyagez, supprimez ce message : y participer peut y être poursuivi.",
    },
    days: { one: "# jour", other: "# jours" },
  },
  es: {
    footer: {
      why: "Recibe este correo porque esta dirección se indicó en nuestro formulario de cartas. La guardamos cifrada y la borramos {days} después de que sus cartas se entreguen o la campaña termine, lo que ocurra primero; si aceptó que le contactemos, {days} después de que termine la campaña.",
      delete: "Borrar mis datos ahora:",
    },
    links: { canonical: "Dirección habitual:", onion: "Tor Browser (dirección onion):", mirror: "Dirección espejo:" },
    confirmation: {
      subject: "Confirme su dirección de correo para enviar sus cartas",
      intro: "Nos pidió enviar sus cartas de la campaña «{title}». Solo saldrán cuando confirme esta dirección.",
      list: "Cartas pendientes de confirmación:",
      link: "Confirmar y enviar (el enlace vale 72 horas):",
      exact:
        "Esto es exactamente lo que se enviará en su nombre, desde la dirección de la campaña (cada destinatario recibe su propio saludo):",
      replyYes:
        "Las respuestas llegarán a esta dirección: cada destinatario, incluidos el FSB y la Fiscalía General, la verá.",
      replyNo: "Los destinatarios no verán esta dirección.",
      notMe: "No fui yo: borrarlo (no se enviará nada):",
      ignore: "Si no lo pidió usted, ignore este correo: no se enviará nada.",
    },
    thankYou: {
      subject: "Gracias: sus cartas están en camino",
      body: "Gracias por escribir en la campaña «{title}». Su dirección está confirmada y estas cartas están en cola de envío:",
      next: "Le escribiremos una vez más cuando los servidores de correo las hayan aceptado o rechazado.",
      safety: "Si vive en Rusia o viaja allí, borre este correo: participar puede ser perseguido allí.",
    },
    summary: {
      subject: "Sus cartas: informe de entrega",
      intro:
        "Esto es lo que pasó con sus cartas de la campaña «{title}». Vemos si los servidores de correo aceptaron o rechazaron una carta, no si llegó a la bandeja de entrada ni si alguien la leyó:",
      sent: "{addressee}: enviada el {date} y aceptada por los servidores de correo (ninguno la ha rechazado hasta ahora)",
      sentShared:
        "{addressees}: una sola carta enviada el {date}, en un correo a la dirección que comparten ({address}), y aceptada por los servidores de correo (ninguno la ha rechazado hasta ahora)",
      failed: "{addressee}: no entregada (el servidor de destino la rechazó, la devolvió o no se pudo contactar)",
      failedShared:
        "{addressees}: el único correo a la dirección que comparten ({address}) no se entregó (el servidor de destino lo rechazó, lo devolvió o no se pudo contactar)",
      cancelled: "{addressee}: no enviada (cancelada)",
      cancelledShared:
        "{addressees}: no enviada (cancelada); era un solo correo a la dirección que comparten ({address})",
      closing:
        "Gracias por participar. Borraremos sus datos personales a más tardar dentro de {days, plural, one {# día} other {# días}}. Si aceptó recibir noticias del resultado, solo conservamos su dirección de correo electrónico, cifrada, hasta {days, plural, one {# día} other {# días}} después del cierre de la campaña. El enlace de abajo lo borra todo ahora.",
    },
    held: {
      subject: "Hay cartas en su nombre esperando: véalas antes de que se envíe nada",
      subjectContact: "Su dirección se indicó en nuestro formulario: confirme solo lo que hizo usted",
      intro:
        "En la última hora, esta dirección se ha indicado en nuestro formulario más veces de las que enviamos correos de confirmación, así que los hemos retenido y los enumeramos todos aquí. No se ha enviado nada. Puede que otra persona haya escrito su dirección: confirme solo lo que haya escrito usted.",
      item: "{time} (UTC), campaña «{title}», cartas a: {addressees}",
      itemContact:
        "{time} (UTC), campaña «{title}»: ¿pueden quienes organizan escribirle sobre este llamamiento? (no se envía nada en su nombre)",
      confirm: "Ver el texto exacto y confirmar (72 horas):",
      confirmContact: "Confirmar mi dirección para este llamamiento (72 horas):",
      notMe: "No fui yo: eliminarlo:",
      ignore: "Si ninguno de estos envíos es suyo, ignore este correo: no se enviará nada y los envíos se eliminarán.",
    },
    reminder: {
      subject: "Recordatorio: sus cartas esperan su confirmación",
      intro:
        "Nos pidió enviar sus cartas de la campaña «{title}». Todavía no se ha enviado nada: solo saldrán cuando confirme esta dirección.",
      list: "Cartas pendientes de confirmación:",
      deadline: "El enlace vale hasta el {deadline} (UTC). Después, las cartas no se enviarán.",
      link: "Ver el texto exacto y confirmar:",
      notMe: "No fui yo: borrarlo (no se enviará nada):",
      last: "Este es nuestro único recordatorio: no volveremos a escribirle sobre estas cartas salvo que las confirme.",
    },
    contactConfirmation: {
      subject: "Confirme su dirección de correo para recibir noticias del llamamiento",
      intro:
        "Firmó la campaña «{title}» y aceptó que quienes organizan le escriban sobre este llamamiento. Antes de que nadie escriba a esta dirección, confirme que es suya.",
      nothingSent:
        "No se envía nada en su nombre: su firma ya cuenta, y confirmar no envía ninguna carta ni la cuenta otra vez.",
      link: "Confirmar mi dirección (el enlace vale 72 horas):",
      notMe: "No fui yo: borrarlo:",
      ignore: "Si no lo pidió usted, ignore este correo: nadie escribirá a esta dirección sobre el llamamiento.",
    },
    contactReminder: {
      subject: "Recordatorio: confirme su dirección de correo para recibir noticias del llamamiento",
      intro:
        "Firmó la campaña «{title}» y aceptó que quienes organizan le escriban sobre este llamamiento. Su dirección aún no está confirmada, así que nadie le escribirá. No se envía nada en su nombre.",
      deadline: "El enlace vale hasta el {deadline} (UTC). Después, no le escribiremos sobre este llamamiento.",
      link: "Confirmar mi dirección:",
      notMe: "No fui yo: borrarlo:",
      last: "Este es nuestro único recordatorio: no volveremos a escribirle salvo que confirme.",
    },
    outcome: {
      intro: "Escribió en la campaña «{title}» y aceptó que le contactemos. Estas son noticias de la campaña:",
      safety: "Si vive en Rusia o viaja allí, borre este correo: participar puede ser perseguido allí.",
    },
    days: { one: "# día", other: "# días" },
  },
  ru: {
    footer: {
      why: "Вы получили это письмо, потому что этот адрес был указан в нашей форме. Мы храним его в зашифрованном виде и удаляем через {days} после доставки писем или закрытия кампании, смотря что наступит раньше; если вы согласились, чтобы мы с вами связались, — через {days} после закрытия кампании.",
      delete: "Удалить мои данные сейчас:",
    },
    links: { canonical: "Обычный адрес:", onion: "Tor Browser (onion-адрес):", mirror: "Адрес зеркала:" },
    confirmation: {
      subject: "Подтвердите адрес эл. почты, чтобы отправить письма",
      intro:
        "Вы попросили нас отправить ваши письма в рамках кампании «{title}». Они будут отправлены только после подтверждения этого адреса.",
      list: "Письма ждут подтверждения:",
      link: "Подтвердить и отправить (ссылка действует 72 часа):",
      exact:
        "Вот в точности то, что будет отправлено от вашего имени с адреса кампании (каждый адресат получит своё обращение):",
      replyYes:
        "Ответы будут приходить на этот адрес: его увидит каждый адресат, в том числе ФСБ и Генеральная прокуратура.",
      replyNo: "Адресаты не увидят этот адрес.",
      notMe: "Это был не я: удалить (ничего не будет отправлено):",
      ignore: "Если вы этого не делали, просто проигнорируйте письмо: ничего не будет отправлено.",
    },
    thankYou: {
      subject: "Спасибо: ваши письма отправляются",
      body: "Спасибо, что написали в рамках кампании «{title}». Адрес подтверждён, эти письма поставлены в очередь:",
      next: "Мы напишем ещё раз, когда почтовые серверы примут их или откажут.",
      safety: "Если вы живёте в России или едете туда, удалите это письмо: участие там может преследоваться.",
    },
    summary: {
      subject: "Ваши письма: отчёт о доставке",
      intro:
        "Вот что стало с вашими письмами в рамках кампании «{title}». Мы видим, приняли ли письмо почтовые серверы или отказали, но не видим, попало ли оно во входящие и прочитал ли его кто-нибудь:",
      sent: "{addressee}: отправлено {date} и принято почтовыми серверами (отказов пока не было)",
      sentShared:
        "{addressees}: одно письмо на их общий адрес ({address}) отправлено {date} и принято почтовыми серверами (отказов пока не было)",
      failed:
        "{addressee}: не удалось доставить (почтовый сервер получателя отказал, вернул письмо или был недоступен)",
      failedShared:
        "{addressees}: одно письмо на их общий адрес ({address}) не удалось доставить (почтовый сервер получателя отказал, вернул письмо или был недоступен)",
      cancelled: "{addressee}: не отправлено (отменено)",
      cancelledShared: "{addressees}: одно письмо на их общий адрес ({address}) не отправлено (отменено)",
      closing:
        "Спасибо за участие. Мы удалим ваши личные данные не позднее чем через {days, plural, one {# день} few {# дня} many {# дней} other {# дня}}. Если вы согласились получать новости о результатах, мы храним только ваш адрес электронной почты, в зашифрованном виде, в течение {days, plural, one {# дня} few {# дней} many {# дней} other {# дня}} после закрытия кампании. Ссылка ниже удаляет всё сразу.",
    },
    held: {
      subject: "Письма от вашего имени ждут: посмотрите их, прежде чем что-либо будет отправлено",
      subjectContact: "Ваш адрес указали в нашей форме: подтверждайте только то, что сделали сами",
      intro:
        "За последний час этот адрес указали в нашей форме чаще, чем мы отправляем письма с подтверждением, поэтому мы их задержали и перечисляем здесь все. Ничего не отправлено. Возможно, ваш адрес ввёл кто-то другой: подтверждайте только то, что написали сами.",
      item: "{time} (UTC), кампания «{title}», письма: {addressees}",
      itemContact:
        "{time} (UTC), кампания «{title}»: могут ли организаторы писать вам об этом призыве? (от вашего имени ничего не отправляется)",
      confirm: "Посмотреть точный текст и подтвердить (72 часа):",
      confirmContact: "Подтвердить мой адрес для этого призыва (72 часа):",
      notMe: "Это был не я: удалить:",
      ignore:
        "Если ничего из этого вы не отправляли, просто проигнорируйте это письмо: ничего не будет отправлено, а записи будут удалены.",
    },
    reminder: {
      subject: "Напоминание: ваши письма ждут подтверждения",
      intro:
        "Вы попросили нас отправить ваши письма в рамках кампании «{title}». Пока ничего не отправлено: письма уйдут только после подтверждения этого адреса.",
      list: "Письма ждут подтверждения:",
      deadline: "Ссылка действует до {deadline} (UTC). После этого письма не будут отправлены.",
      link: "Посмотреть точный текст и подтвердить:",
      notMe: "Это был не я: удалить (ничего не будет отправлено):",
      last: "Это единственное напоминание: мы больше не будем писать об этих письмах, если вы их не подтвердите.",
    },
    contactConfirmation: {
      subject: "Подтвердите адрес эл. почты, чтобы получать новости о призыве",
      intro:
        "Вы подписали кампанию «{title}» и согласились, чтобы организаторы писали вам об этом призыве. Прежде чем кто-либо напишет на этот адрес, подтвердите, что он ваш.",
      nothingSent:
        "От вашего имени ничего не отправляется: ваша подпись уже учтена, а подтверждение не отправляет писем и не засчитывает её повторно.",
      link: "Подтвердить мой адрес (ссылка действует 72 часа):",
      notMe: "Это был не я: удалить:",
      ignore:
        "Если вы этого не делали, просто проигнорируйте письмо: никто не будет писать на этот адрес об этом призыве.",
    },
    contactReminder: {
      subject: "Напоминание: подтвердите адрес эл. почты, чтобы получать новости о призыве",
      intro:
        "Вы подписали кампанию «{title}» и согласились, чтобы организаторы писали вам об этом призыве. Адрес ещё не подтверждён, поэтому вам никто не напишет. От вашего имени ничего не отправляется.",
      deadline: "Ссылка действует до {deadline} (UTC). После этого мы не будем писать вам об этом призыве.",
      link: "Подтвердить мой адрес:",
      notMe: "Это был не я: удалить:",
      last: "Это единственное напоминание: мы больше не будем вам писать, если вы не подтвердите адрес.",
    },
    outcome: {
      intro: "Вы написали в рамках кампании «{title}» и согласились, чтобы мы с вами связались. Вот новости кампании:",
      safety: "Если вы живёте в России или едете туда, удалите это письмо: участие там может преследоваться.",
    },
    days: { one: "# день", few: "# дня", many: "# дней", other: "# дня" },
  },
};

export const emailLanguages = Object.keys(texts);

export function emailTexts(language: string): EmailTexts {
  return texts[language] ?? texts.en!;
}

export function footerTexts(language: string) {
  return emailTexts(language).footer;
}

export function linkTexts(language: string) {
  return emailTexts(language).links;
}

/** A number of days as the language says it ("30 days", "30 дней", "21 день"), for {days} holes. */
export function daysPhrase(language: string, days: number): string {
  const forms = emailTexts(language).days;
  const category = new Intl.PluralRules(texts[language] ? language : "en").select(days);
  return (forms[category] ?? forms.other).replace("#", String(days));
}

/** Replaces {name} holes with values. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (hole, name: string) => (name in values ? String(values[name]) : hole));
}
