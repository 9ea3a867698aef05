// The launch campaign, written in the project's own words from the facts in
// the Observatory's appeal. Admins can replace any text with the organisers'
// official wording; names, addresses, dates and figures are facts.
import type { CampaignSeed } from "../seed-campaign";

const verifiedOn = "2025-05-23";

export const launchCampaign: CampaignSeed = {
  slug: "russia-amnesty-undesirable",
  status: "open",
  organiser: "Observatory for the Protection of Human Rights Defenders (FIDH-OMCT)",
  languages: ["en", "ru", "fr", "es"],
  signatureGoal: 10_000,
  appealDate: "2025-05-23",
  opensAt: "2025-05-23T00:00:00Z",
  translations: {
    en: {
      title: "Russia: lift the ban on Amnesty International",
      summary:
        "On 19 May 2025 Russia declared Amnesty International an “undesirable organisation”. Write to the Russian authorities: ask them to reverse the decision and to stop persecuting human rights defenders.",
      context: [
        "On 19 May 2025 the Prosecutor General’s Office of the Russian Federation put Amnesty International on its list of “undesirable organisations”. It accused the organisation’s London office of preparing “Russophobic” projects and of supporting Ukraine.",
        "The law on “undesirable organisations”, passed in 2015 and made harsher in 2021 and 2024, lets the Prosecutor General, together with the Ministry of Foreign Affairs, ban any foreign or international organisation it sees as a threat to the constitutional order, the defence or the security of the state. A banned organisation may not work in Russia in any form: it cannot publish, move money, or help people and groups there.",
        "Taking part in the activities of such an organisation can bring a fine of up to 15,000 roubles (about 167 EUR) under Article 20.33 of the Code of Administrative Offences. Under Article 284.1 of the Criminal Code, repeat participation can bring up to four years in prison, donating up to four years, and running the organisation up to six. People have been punished merely for reposting a banned organisation’s material, even posts published before the ban.",
        "Amnesty International’s Moscow office was closed, and its website blocked, soon after the full-scale invasion of Ukraine in 2022. When the decision was taken, around 223 organisations were already on the list, among them Transparency International, Meduza and Radio Free Europe/Radio Liberty.",
      ].join("\n\n"),
      whyItMatters: [
        "Amnesty International, founded in 1961 and awarded the Nobel Peace Prize in 1977, documents human rights violations in every country, Russia included. The ban cuts people in Russia off from one more independent source of information and support, and turns any contact with the organisation into an offence.",
        "The Observatory for the Protection of Human Rights Defenders, a joint programme of FIDH and OMCT, asks people everywhere to write to the Russian authorities. Letters show officials that the world is watching, and show the defenders who are targeted that they are not alone.",
      ].join("\n\n"),
      safetyNotice:
        "If you are in Russia, plan to travel there, or are a Russian citizen living abroad (Russian law reaches its citizens wherever they live), think carefully before taking part. Signing, sharing or reposting this appeal can be treated as taking part in the activities of an “undesirable organisation”, which is punished with fines and prison. Amnesty International itself advises people in Russia not to share its material. Letters reach the Russian authorities, including the FSB and the Prosecutor General’s Office, with whatever name you put on them. You can write without giving your name, and you can print or export a letter without leaving any personal data with us.",
    },
    ru: {
      title: "Россия: отмените запрет Amnesty International",
      summary:
        "19 мая 2025 года Россия признала Amnesty International «нежелательной организацией». Напишите российским властям: потребуйте отменить это решение и прекратить преследование правозащитников.",
      context: [
        "19 мая 2025 года Генеральная прокуратура Российской Федерации внесла Amnesty International в перечень «нежелательных организаций». Ведомство обвинило лондонский офис организации в подготовке «русофобских» проектов и в поддержке Украины.",
        "Закон о «нежелательных организациях», принятый в 2015 году и ужесточённый в 2021 и 2024 годах, позволяет Генеральному прокурору по согласованию с Министерством иностранных дел запретить любую иностранную или международную организацию, которую он сочтёт угрозой конституционному строю, обороноспособности или безопасности государства. Запрещённая организация не может действовать в России ни в какой форме: ни публиковать материалы, ни переводить деньги, ни помогать людям и группам в стране.",
        "За участие в деятельности такой организации грозит штраф до 15 000 рублей (около 167 евро) по статье 20.33 Кодекса об административных правонарушениях. По статье 284.1 Уголовного кодекса за повторное участие грозит до четырёх лет лишения свободы, за пожертвования — до четырёх лет, за руководство — до шести. Людей наказывали даже за репосты материалов запрещённой организации, в том числе опубликованных до запрета.",
        "Московский офис Amnesty International был закрыт, а её сайт заблокирован вскоре после начала полномасштабного вторжения в Украину в 2022 году. На момент решения в перечне было около 223 организаций, в том числе Transparency International, «Медуза» и Радио Свобода.",
      ].join("\n\n"),
      whyItMatters: [
        "Amnesty International, основанная в 1961 году и получившая Нобелевскую премию мира в 1977 году, документирует нарушения прав человека во всех странах, включая Россию. Запрет лишает людей в России ещё одного независимого источника информации и поддержки и превращает любой контакт с организацией в правонарушение.",
        "Обсерватория по защите правозащитников, совместная программа FIDH и OMCT, призывает людей во всём мире написать российским властям. Письма показывают чиновникам, что за их действиями следят, а правозащитникам — что они не одни.",
      ].join("\n\n"),
      safetyNotice:
        "Если вы находитесь в России, собираетесь туда поехать или вы гражданин России, живущий за рубежом (российские законы распространяются на граждан, где бы они ни жили), хорошо подумайте, прежде чем участвовать. Подпись, распространение или репост этого призыва могут быть расценены как участие в деятельности «нежелательной организации», за что грозят штрафы и лишение свободы. Сама Amnesty International советует людям в России не распространять её материалы. Письма попадают к российским властям, в том числе в ФСБ и Генеральную прокуратуру, с тем именем, которое вы в них укажете. Вы можете написать письмо без имени, а также распечатать или скачать его, не оставляя у нас никаких личных данных.",
    },
    fr: {
      title: "Russie : levez l’interdiction d’Amnesty International",
      summary:
        "Le 19 mai 2025, la Russie a déclaré Amnesty International « organisation indésirable ». Écrivez aux autorités russes : demandez-leur d’annuler cette décision et de cesser de persécuter les défenseur·es des droits humains.",
      context: [
        "Le 19 mai 2025, le parquet général de la Fédération de Russie a inscrit Amnesty International sur sa liste des « organisations indésirables ». Il a accusé le bureau londonien de l’organisation de préparer des projets « russophobes » et de soutenir l’Ukraine.",
        "La loi sur les « organisations indésirables », adoptée en 2015 et durcie en 2021 et 2024, permet au procureur général, en accord avec le ministère des Affaires étrangères, d’interdire toute organisation étrangère ou internationale qu’il juge menaçante pour l’ordre constitutionnel, la défense ou la sécurité de l’État. Une organisation interdite ne peut agir en Russie sous aucune forme : ni publier, ni transférer de l’argent, ni aider des personnes ou des groupes sur place.",
        "Participer aux activités d’une telle organisation est passible d’une amende pouvant atteindre 15 000 roubles (environ 167 euros) au titre de l’article 20.33 du Code des infractions administratives. Selon l’article 284.1 du Code pénal, une participation répétée est passible de quatre ans de prison, un don de quatre ans, la direction de l’organisation de six ans. Des personnes ont été sanctionnées pour avoir simplement republié des contenus d’une organisation interdite, même publiés avant l’interdiction.",
        "Le bureau moscovite d’Amnesty International a été fermé et son site bloqué peu après le début de l’invasion à grande échelle de l’Ukraine en 2022. Au moment de la décision, environ 223 organisations figuraient déjà sur la liste, dont Transparency International, Meduza et Radio Free Europe/Radio Liberty.",
      ].join("\n\n"),
      whyItMatters: [
        "Amnesty International, fondée en 1961 et lauréate du prix Nobel de la paix en 1977, documente les violations des droits humains dans tous les pays, Russie comprise. L’interdiction prive les personnes en Russie d’une source indépendante d’information et de soutien de plus, et fait de tout contact avec l’organisation une infraction.",
        "L’Observatoire pour la protection des défenseurs des droits humains, programme conjoint de la FIDH et de l’OMCT, appelle chacun et chacune, partout, à écrire aux autorités russes. Les lettres montrent aux responsables que le monde regarde, et aux défenseur·es visé·es qu’ils et elles ne sont pas seul·es.",
      ].join("\n\n"),
      safetyNotice:
        "Si vous êtes en Russie, prévoyez d’y aller, ou êtes citoyen russe vivant à l’étranger (la loi russe s’applique à ses citoyens où qu’ils vivent), réfléchissez bien avant de participer. Signer, partager ou republier cet appel peut être considéré comme une participation aux activités d’une « organisation indésirable », punie d’amendes et de prison. Amnesty International elle-même conseille aux personnes en Russie de ne pas partager ses contenus. Les lettres parviennent aux autorités russes, dont le FSB et le parquet général, avec le nom que vous y mettez. Vous pouvez écrire sans donner votre nom, et imprimer ou exporter une lettre sans nous laisser aucune donnée personnelle.",
    },
    es: {
      title: "Rusia: levanten la prohibición de Amnistía Internacional",
      summary:
        "El 19 de mayo de 2025, Rusia declaró a Amnistía Internacional «organización indeseable». Escriba a las autoridades rusas: pídales que anulen la decisión y que dejen de perseguir a quienes defienden los derechos humanos.",
      context: [
        "El 19 de mayo de 2025, la Fiscalía General de la Federación de Rusia incluyó a Amnistía Internacional en su lista de «organizaciones indeseables». Acusó a la oficina de Londres de la organización de preparar proyectos «rusófobos» y de apoyar a Ucrania.",
        "La ley sobre «organizaciones indeseables», aprobada en 2015 y endurecida en 2021 y 2024, permite al fiscal general, de acuerdo con el Ministerio de Asuntos Exteriores, prohibir cualquier organización extranjera o internacional que considere una amenaza para el orden constitucional, la defensa o la seguridad del Estado. Una organización prohibida no puede actuar en Rusia de ninguna forma: no puede publicar, mover dinero ni ayudar a personas y grupos en el país.",
        "Participar en las actividades de una organización así puede acarrear una multa de hasta 15 000 rublos (unos 167 euros) según el artículo 20.33 del Código de Infracciones Administrativas. Según el artículo 284.1 del Código Penal, la participación reiterada puede acarrear hasta cuatro años de prisión, las donaciones hasta cuatro años y la dirección de la organización hasta seis. Se ha castigado a personas por el mero hecho de volver a publicar material de una organización prohibida, incluso publicado antes de la prohibición.",
        "La oficina de Amnistía Internacional en Moscú se cerró, y su sitio web se bloqueó, poco después del inicio de la invasión a gran escala de Ucrania en 2022. Cuando se tomó la decisión, ya había unas 223 organizaciones en la lista, entre ellas Transparency International, Meduza y Radio Free Europe/Radio Liberty.",
      ].join("\n\n"),
      whyItMatters: [
        "Amnistía Internacional, fundada en 1961 y galardonada con el Premio Nobel de la Paz en 1977, documenta violaciones de derechos humanos en todos los países, Rusia incluida. La prohibición deja a las personas en Rusia sin una fuente independiente más de información y apoyo, y convierte cualquier contacto con la organización en una infracción.",
        "El Observatorio para la Protección de los Defensores de Derechos Humanos, programa conjunto de la FIDH y la OMCT, pide a personas de todo el mundo que escriban a las autoridades rusas. Las cartas muestran a los responsables que el mundo está mirando, y a quienes son perseguidos por defender derechos que no están solos.",
      ].join("\n\n"),
      safetyNotice:
        "Si está en Rusia, piensa viajar allí o es ciudadano ruso y vive en el extranjero (la ley rusa alcanza a sus ciudadanos dondequiera que vivan), piénselo bien antes de participar. Firmar, compartir o volver a publicar este llamamiento puede considerarse participación en las actividades de una «organización indeseable», castigada con multas y prisión. La propia Amnistía Internacional aconseja a las personas en Rusia que no compartan sus materiales. Las cartas llegan a las autoridades rusas, incluidos el FSB y la Fiscalía General, con el nombre que usted ponga. Puede escribir sin dar su nombre, e imprimir o exportar una carta sin dejarnos ningún dato personal.",
    },
  },
  demands: [
    {
      en: "Remove Amnesty International from the list of “undesirable organisations” immediately.",
      ru: "Немедленно исключить Amnesty International из перечня «нежелательных организаций».",
      fr: "Retirer immédiatement Amnesty International de la liste des « organisations indésirables ».",
      es: "Retirar de inmediato a Amnistía Internacional de la lista de «organizaciones indeseables».",
    },
    {
      en: "Repeal the law on “undesirable organisations” and related repressive laws, such as the “foreign agents” law.",
      ru: "Отменить закон о «нежелательных организациях» и связанные с ним репрессивные законы, в том числе закон об «иностранных агентах».",
      fr: "Abroger la loi sur les « organisations indésirables » et les lois répressives qui lui sont liées, comme la loi sur les « agents de l’étranger ».",
      es: "Derogar la ley sobre «organizaciones indeseables» y las leyes represivas relacionadas, como la ley de «agentes extranjeros».",
    },
    {
      en: "End all harassment, including judicial harassment, of Amnesty International, its members and every human rights organisation and defender in Russia, and let them work without hindrance or fear of reprisal.",
      ru: "Прекратить любое преследование, в том числе судебное, Amnesty International, её участников и всех правозащитных организаций и правозащитников в России и позволить им работать беспрепятственно и без страха перед репрессиями.",
      fr: "Mettre fin à tout harcèlement, y compris judiciaire, d’Amnesty International, de ses membres et de toutes les organisations et personnes qui défendent les droits humains en Russie, et les laisser travailler sans entrave ni crainte de représailles.",
      es: "Poner fin a todo hostigamiento, incluido el judicial, contra Amnistía Internacional, sus integrantes y todas las organizaciones y personas defensoras de derechos humanos en Rusia, y dejarlas trabajar sin obstáculos ni temor a represalias.",
    },
    {
      en: "Guarantee in all circumstances the freedoms of expression, peaceful assembly and association protected by international human rights law, in particular Articles 19, 21 and 22 of the International Covenant on Civil and Political Rights.",
      ru: "При любых обстоятельствах гарантировать свободу выражения мнений, мирных собраний и объединений, защищённую международным правом в области прав человека, в частности статьями 19, 21 и 22 Международного пакта о гражданских и политических правах.",
      fr: "Garantir en toutes circonstances les libertés d’expression, de réunion pacifique et d’association protégées par le droit international des droits humains, en particulier les articles 19, 21 et 22 du Pacte international relatif aux droits civils et politiques.",
      es: "Garantizar en toda circunstancia las libertades de expresión, reunión pacífica y asociación protegidas por el derecho internacional de los derechos humanos, en particular los artículos 19, 21 y 22 del Pacto Internacional de Derechos Civiles y Políticos.",
    },
  ],
  addressees: [
    {
      key: "ru-president",
      name: "Vladimir Putin",
      role: "President of the Russian Federation",
      organisation: "Office of the President of the Russian Federation",
      kind: "official",
      emails: [],
      xHandle: "KremlinRussia_E",
      salutation: "Dear Mr President,",
      lastVerifiedOn: verifiedOn,
      translations: {
        fr: {
          name: "Vladimir Poutine",
          role: "Président de la Fédération de Russie",
          salutation: "Monsieur le Président,",
        },
        es: { name: "Vladímir Putin", role: "Presidente de la Federación de Rusia", salutation: "Señor Presidente:" },
        ru: {
          name: "Владимир Путин",
          role: "Президент Российской Федерации",
          salutation: "Уважаемый господин Президент!",
        },
      },
    },
    {
      key: "ru-prime-minister",
      name: "Mikhail Mishustin",
      role: "Prime Minister of the Russian Federation",
      organisation: "Government of the Russian Federation",
      kind: "official",
      emails: [],
      xHandle: "GovernmentRF",
      salutation: "Dear Prime Minister,",
      lastVerifiedOn: verifiedOn,
      translations: {
        fr: {
          name: "Mikhaïl Michoustine",
          role: "Premier ministre de la Fédération de Russie",
          salutation: "Monsieur le Premier ministre,",
        },
        es: {
          name: "Mijaíl Mishustin",
          role: "Primer Ministro de la Federación de Rusia",
          salutation: "Señor Primer Ministro:",
        },
        ru: {
          name: "Михаил Мишустин",
          role: "Председатель Правительства Российской Федерации",
          salutation: "Уважаемый господин Председатель Правительства!",
        },
      },
    },
    {
      key: "ru-foreign-minister",
      name: "Sergey Lavrov",
      role: "Minister of Foreign Affairs of the Russian Federation",
      organisation: "Ministry of Foreign Affairs of the Russian Federation",
      kind: "official",
      emails: ["ministry@mid.ru"],
      salutation: "Dear Minister,",
      lastVerifiedOn: verifiedOn,
      translations: {
        fr: {
          name: "Sergueï Lavrov",
          role: "Ministre des Affaires étrangères de la Fédération de Russie",
          salutation: "Monsieur le Ministre,",
        },
        es: {
          name: "Serguéi Lavrov",
          role: "Ministro de Asuntos Exteriores de la Federación de Rusia",
          salutation: "Señor Ministro:",
        },
        ru: {
          name: "Сергей Лавров",
          role: "Министр иностранных дел Российской Федерации",
          salutation: "Уважаемый господин Министр!",
        },
      },
    },
    {
      key: "ru-prosecutor-general",
      name: "Igor Krasnov",
      role: "Prosecutor General of the Russian Federation",
      organisation: "Prosecutor General’s Office of the Russian Federation",
      kind: "official",
      emails: ["pressa@genproc.gov.ru"],
      salutation: "Dear Prosecutor General,",
      lastVerifiedOn: verifiedOn,
      translations: {
        fr: {
          name: "Igor Krasnov",
          role: "Procureur général de la Fédération de Russie",
          salutation: "Monsieur le Procureur général,",
        },
        es: {
          name: "Ígor Krasnov",
          role: "Fiscal General de la Federación de Rusia",
          salutation: "Señor Fiscal General:",
        },
        ru: {
          name: "Игорь Краснов",
          role: "Генеральный прокурор Российской Федерации",
          salutation: "Уважаемый господин Генеральный прокурор!",
        },
      },
    },
    {
      key: "ru-fsb-director",
      name: "Alexander Bortnikov",
      role: "Director of the Federal Security Service (FSB)",
      organisation: "Federal Security Service of the Russian Federation",
      kind: "official",
      emails: ["fsb@fsb.ru"],
      salutation: "Dear Director,",
      lastVerifiedOn: verifiedOn,
      translations: {
        fr: {
          name: "Alexandre Bortnikov",
          role: "Directeur du Service fédéral de sécurité (FSB)",
          salutation: "Monsieur le Directeur,",
        },
        es: {
          name: "Aleksandr Bórtnikov",
          role: "Director del Servicio Federal de Seguridad (FSB)",
          salutation: "Señor Director:",
        },
        ru: {
          name: "Александр Бортников",
          role: "Директор Федеральной службы безопасности (ФСБ)",
          salutation: "Уважаемый господин Директор!",
        },
      },
    },
    {
      key: "ru-mission-un-geneva",
      name: "Permanent Mission of the Russian Federation to the United Nations Office at Geneva",
      role: "Diplomatic mission",
      kind: "mission",
      country: "CH",
      emails: ["mission.russian@vtxnet.ch"],
      salutation: "Excellency,",
      lastVerifiedOn: verifiedOn,
      translations: {
        fr: {
          name: "Mission permanente de la Fédération de Russie auprès de l’Office des Nations unies à Genève",
          role: "Mission diplomatique",
          salutation: "Excellence,",
        },
        es: {
          name: "Misión Permanente de la Federación de Rusia ante la Oficina de las Naciones Unidas en Ginebra",
          role: "Misión diplomática",
          salutation: "Excelencia:",
        },
        ru: {
          name: "Постоянное представительство Российской Федерации при Отделении ООН в Женеве",
          role: "Дипломатическое представительство",
          salutation: "Ваше Превосходительство!",
        },
      },
    },
    {
      // The appeal gives the Geneva mission's address for this embassy too.
      // Seeded as given; delivery never sends one address two copies.
      key: "ru-embassy-be",
      name: "Embassy of the Russian Federation in Brussels, Belgium",
      role: "Embassy",
      kind: "embassy",
      country: "BE",
      emails: ["mission.russian@vtxnet.ch"],
      salutation: "Excellency,",
      lastVerifiedOn: verifiedOn,
      translations: {
        fr: {
          name: "Ambassade de la Fédération de Russie à Bruxelles, Belgique",
          role: "Ambassade",
          salutation: "Excellence,",
        },
        es: {
          name: "Embajada de la Federación de Rusia en Bruselas, Bélgica",
          role: "Embajada",
          salutation: "Excelencia:",
        },
        ru: {
          name: "Посольство Российской Федерации в Королевстве Бельгия (Брюссель)",
          role: "Посольство",
          salutation: "Ваше Превосходительство!",
        },
      },
    },
  ],
  templates: {
    en: {
      subject: "Remove Amnesty International from the list of “undesirable organisations”",
      body: [
        "{{salutation}}",
        "I am writing to express my deep concern at the decision of the Prosecutor General’s Office of 19 May 2025 to declare Amnesty International an “undesirable organisation”.",
        "This decision turns peaceful human rights work into an offence. It exposes anyone in Russia who reads, shares or supports Amnesty International’s work to fines and prison, and it deprives people in Russia of an independent voice that has defended human rights everywhere since 1961.",
        "I therefore urge the authorities of the Russian Federation to:",
        "{{demands}}",
        "Yours faithfully,",
        "{{signer}}",
      ].join("\n\n"),
      xPost:
        "@{{handle}} Remove Amnesty International from the list of “undesirable organisations”, repeal the law behind it and let human rights defenders in Russia work without fear.",
    },
    ru: {
      subject: "Исключите Amnesty International из перечня «нежелательных организаций»",
      body: [
        "{{salutation}}",
        "Я пишу, чтобы выразить глубокую обеспокоенность решением Генеральной прокуратуры от 19 мая 2025 года признать Amnesty International «нежелательной организацией».",
        "Это решение превращает мирную правозащитную деятельность в правонарушение. Оно грозит штрафами и лишением свободы каждому в России, кто читает, распространяет или поддерживает работу Amnesty International, и лишает людей в России независимого голоса, который с 1961 года защищает права человека во всём мире.",
        "Поэтому я призываю власти Российской Федерации:",
        "{{demands}}",
        "С уважением,",
        "{{signer}}",
      ].join("\n\n"),
      xPost:
        "@{{handle}} Исключите Amnesty International из перечня «нежелательных организаций», отмените этот закон и позвольте правозащитникам в России работать без страха.",
    },
    fr: {
      subject: "Retirez Amnesty International de la liste des « organisations indésirables »",
      body: [
        "{{salutation}}",
        "Je vous écris pour vous faire part de ma profonde préoccupation face à la décision du parquet général du 19 mai 2025 de déclarer Amnesty International « organisation indésirable ».",
        "Cette décision fait du travail pacifique en faveur des droits humains une infraction. Elle expose à des amendes et à la prison toute personne en Russie qui lit, partage ou soutient le travail d’Amnesty International, et prive la population russe d’une voix indépendante qui défend les droits humains partout depuis 1961.",
        "J’appelle donc les autorités de la Fédération de Russie à :",
        "{{demands}}",
        "Je vous prie d’agréer l’expression de ma haute considération.",
        "{{signer}}",
      ].join("\n\n"),
      xPost:
        "@{{handle}} Retirez Amnesty International de la liste des « organisations indésirables », abrogez cette loi et laissez les défenseur·es des droits humains en Russie travailler sans crainte.",
    },
    es: {
      subject: "Retiren a Amnistía Internacional de la lista de «organizaciones indeseables»",
      body: [
        "{{salutation}}",
        "Le escribo para expresar mi profunda preocupación por la decisión de la Fiscalía General del 19 de mayo de 2025 de declarar a Amnistía Internacional «organización indeseable».",
        "Esta decisión convierte el trabajo pacífico en favor de los derechos humanos en una infracción. Expone a multas y prisión a cualquier persona en Rusia que lea, comparta o apoye el trabajo de Amnistía Internacional, y priva a la población rusa de una voz independiente que defiende los derechos humanos en todo el mundo desde 1961.",
        "Por ello insto a las autoridades de la Federación de Rusia a:",
        "{{demands}}",
        "Atentamente,",
        "{{signer}}",
      ].join("\n\n"),
      xPost:
        "@{{handle}} Retiren a Amnistía Internacional de la lista de «organizaciones indeseables», deroguen esa ley y dejen trabajar sin miedo a quienes defienden los derechos humanos en Rusia.",
    },
  },
};
