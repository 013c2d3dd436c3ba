/**
 * Frequent Spanish news words that Apertium's spa-eng dictionaries (apertium-eng-spa 0.x in Debian)
 * do not know, with their usual English translation. How it was made: a list of everyday news
 * vocabulary (politics, courts, crime, disasters, health, economy, sport, technology; about 480
 * words) written from general knowledge of Spanish, then run through `apertium spa-eng`; only the
 * words it marked unknown (`*word`) were kept.
 * Used only for words Apertium marks unknown, so an entry can never override its translation.
 * Words: Spanish form → English. Verbs: Spanish stem (infinitive less -ar/-er/-ir) → base, past.
 */
export const unknownWords: ReadonlyMap<string, string> = new Map(
  `
alegatos	arguments
alzhéimer	Alzheimer's
ambientalistas	environmentalists
animalistas	animal rights activists
antidisturbios	riot police
apuñalado	stabbed
apuñalamiento	stabbing
atracador	robber
balacera	shooting
baloncestista	basketball player
bipartidismo	two-party system
bipartidista	bipartisan
bolsonarista	Bolsonaro supporter
brexiteros	Brexiteers
brigadistas	firefighters
cancerbero	goalkeeper
carabina	rifle
carestía	high cost
carrillón	carillon
cayuco	boat
cayucos	boats
centristas	centrists
chanchullo	scam
chatbot	chatbot
chavismo	Chavismo
chavista	Chavista
ciberacoso	cyberbullying
ciberataque	cyberattack
ciberataques	cyberattacks
ciberdelincuentes	cybercriminals
ciberseguridad	cybersecurity
cientos	hundreds
clasificatorio	qualifying
colchonero	Atlético
comicios	elections
complementos	accessories
condecoración	decoration
corruptela	corruption
cotización	price
criptomoneda	cryptocurrency
criptomonedas	cryptocurrencies
demandante	plaintiff
derbi	derby
desaceleración	slowdown
desalojados	evicted
desalojo	eviction
descarbonización	decarbonization
deslave	landslide
desnuclearización	denuclearization
diabetes	diabetes
dron	drone
drones	drones
duramente	harshly
emprendedor	entrepreneur
emprendedores	entrepreneurs
emprendimiento	entrepreneurship
escrutado	counted
euroescéptico	Eurosceptic
euroescépticos	Eurosceptics
europeísta	pro-European
europeístas	pro-Europeans
exalcalde	former mayor
excandidato	former candidate
excompañero	former teammate
exdirector	former director
exesposa	ex-wife
exfutbolista	former footballer
exjefe	former head
exjugador	former player
exlíder	former leader
exmarido	ex-husband
exministra	former minister
exministro	former minister
exministros	former ministers
exmujer	ex-wife
exnovia	ex-girlfriend
exnovio	ex-boyfriend
exsecretario	former secretary
feligreses	parishioners
feminicidio	femicide
feminicidios	femicides
fincas	estates
fiscalía	prosecutor's office
genial	great
gobernabilidad	governability
goleada	thrashing
goleador	goalscorer
golfista	golfer
golfistas	golfers
golpista	coup
golpistas	coup plotters
guardacostas	coastguard
guardameta	goalkeeper
guerrilleros	guerrillas
guion	script
hackeado	hacked
hackeo	hack
hacker	hacker
hackers	hackers
hipotecario	mortgage
histérica	hysterical
histérico	hysterical
huelguistas	strikers
ictus	stroke
inconsistencia	inconsistency
incumplimiento	breach
independentista	separatist
independentistas	separatists
indocumentado	undocumented
indocumentados	undocumented
inflacionaria	inflationary
influencer	influencer
inhabilitación	disqualification
inmediaciones	vicinity
innegable	undeniable
interdependencia	interdependence
intolerante	intolerant
invicto	unbeaten
invictos	unbeaten
irreemplazable	irreplaceable
jubilados	retirees
kirchnerista	Kirchnerist
laborista	Labour
laboristas	Labour
lactancia	breastfeeding
locutor	presenter
losa	slab
lujoso	luxurious
mafioso	mafia
malnutrición	malnutrition
malversación	embezzlement
mediocampista	midfielder
menaje	household goods
merengue	Real Madrid
metedura	blunder
mezquindad	meanness
migrantes	migrants
milicianos	militiamen
mitigación	mitigation
narcotraficante	drug trafficker
narcotraficantes	drug traffickers
nefasta	disastrous
nefasto	disastrous
norcoreana	North Korean
norcoreano	North Korean
norcoreanos	North Koreans
noreste	northeast
oficialismo	ruling party
oficialista	pro-government
opositor	opponent
opositora	opponent
opositoras	opponents
opositores	opponents
osito	teddy bear
pandillero	gang member
pandilleros	gang members
paralización	paralysis
paramilitares	paramilitaries
paramédicos	paramedics
parcialidad	bias
partidista	partisan
patada	kick
patera	boat
pateras	boats
patronal	employers
penalti	penalty
penaltis	penalties
peronista	Peronist
perplejo	perplexed
plusmarca	record
plusmarquista	record holder
pocilga	pigsty
politóloga	political scientist
politólogo	political scientist
postraumático	post-traumatic
precampaña	pre-campaign
precuela	prequel
preparativos	preparations
prooccidental	pro-Western
provocador	provocative
psiquiatría	psychiatry
pódcast	podcast
querella	lawsuit
querellas	lawsuits
radioactividad	radioactivity
rapera	rapper
rapero	rapper
raperos	rappers
recargo	surcharge
receloso	wary
rediseño	redesign
repugnancia	disgust
repuntó	rebounded
rescatadores	rescuers
rescatistas	rescuers
retuit	retweet
retuiteó	retweeted
rotundo	resounding
ráfagas	gusts
sanchista	Sánchez's
saneada	healthy
saqueos	looting
sarcástico	sarcastic
secesionista	secessionist
secesionistas	secessionists
seleccionador	national coach
sensacional	sensational
separatista	separatist
separatistas	separatists
sexismo	sexism
sexista	sexist
sexistas	sexist
sicario	hitman
sicarios	hitmen
simpatizante	supporter
simpatizantes	supporters
soberanismo	sovereigntism
soberanistas	pro-independence
sobornos	bribes
sobrepeso	overweight
socialdemócrata	social democrat
socialdemócratas	social democrats
startup	startup
surcoreana	South Korean
surcoreano	South Korean
surcoreanos	South Koreans
sureste	southeast
tabú	taboo
tajantemente	flatly
templanza	temperance
tertulianos	pundits
tiroteado	shot
transfronterizo	cross-border
traspaso	transfer
tremendo	tremendous
triunfador	winner
trumpista	Trump supporter
trumpistas	Trump supporters
tránsfuga	defector
tsunami	tsunami
tsunamis	tsunamis
tuit	tweet
tuiteado	tweeted
tuits	tweets
ultraderecha	far right
ultraizquierda	far left
vacunados	vaccinated
ventisca	blizzard
vicefiscal	deputy attorney general
viceprimer	deputy prime
videoarbitraje	video refereeing
videollamada	video call
vinculante	binding
vulcanólogos	volcanologists
vívidamente	vividly
yihadista	jihadist
yihadistas	jihadists
youtuber	YouTuber
zapatillas	trainers
ávidamente	eagerly
épico	epic
épicos	epic
`
    .trim()
    .split('\n')
    .map((line) => line.split('\t') as [string, string]),
);

export const unknownVerbs: ReadonlyMap<string, { base: string; past: string }> = new Map(
  `
concienci	raise awareness	raised awareness
deport	deport	deported
derrumb	collapse	collapsed
desestim	dismiss	dismissed
despeg	take off	took off
desplom	collapse	collapsed
destitu	dismiss	dismissed
dimit	resign	resigned
elogi	praise	praised
encabez	head	headed
encarcel	jail	jailed
escase	be scarce	was scarce
especul	speculate	speculated
evacu	evacuate	evacuated
excarcel	release	released
extradit	extradite	extradited
hacke	hack	hacked
impugn	challenge	challenged
imput	charge	charged
incentiv	encourage	encouraged
infring	infringe	infringed
lider	lead	led
lidi	deal	dealt
ment	lie	lied
mint	lie	lied
movilic	mobilize	mobilized
moviliz	mobilize	mobilized
ocurr	happen	happened
pali	alleviate	alleviated
politiz	politicize	politicized
postul	run	ran
presion	pressure	pressured
reagrup	regroup	regrouped
recompens	reward	rewarded
recopil	compile	compiled
recurr	appeal	appealed
rediseñ	redesign	redesigned
redobl	redouble	redoubled
reequilibr	rebalance	rebalanced
relanz	relaunch	relaunched
rentabiliz	profit from	profited from
repercut	affect	affected
revert	reverse	reversed
revitaliz	revitalize	revitalized
sobrellev	cope with	coped with
socializ	socialize	socialized
suced	happen	happened
suicid	kill oneself	killed himself
testific	testify	testified
tild	label	labelled
torpede	torpedo	torpedoed
tuit	tweet	tweeted
tuite	tweet	tweeted
vapule	thrash	thrashed
`
    .trim()
    .split('\n')
    .map((line) => {
      const [stem, base, past] = line.split('\t') as [string, string, string];
      return [stem, { base, past }];
    }),
);
