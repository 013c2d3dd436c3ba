/**
 * Frequent Spanish news words that Apertium's spa-eng dictionaries (apertium-eng-spa 0.x in Debian)
 * do not know, with their usual English translation. How it was made: a list of everyday news
 * vocabulary (politics, courts, disasters, sport, technology) written from general knowledge of
 * Spanish, then run through `apertium spa-eng`; only the words it marked unknown (`*word`) were kept.
 * Used only for words Apertium marks unknown, so an entry can never override its translation.
 * Words: Spanish form → English. Verbs: Spanish stem (infinitive less -ar/-er/-ir) → base, past.
 */
export const unknownWords: ReadonlyMap<string, string> = new Map(
  `
alegatos	arguments
antidisturbios	riot police
apuñalamiento	stabbing
bipartidismo	two-party system
bipartidista	bipartisan
carabina	rifle
carrillón	carillon
ciberataque	cyberattack
ciberataques	cyberattacks
ciberseguridad	cybersecurity
cientos	hundreds
comicios	elections
complementos	accessories
condecoración	decoration
desaceleración	slowdown
desnuclearización	denuclearization
emprendedor	entrepreneur
emprendedores	entrepreneurs
euroescéptico	Eurosceptic
euroescépticos	Eurosceptics
excompañero	former teammate
exjugador	former player
exministra	former minister
exministro	former minister
feligreses	parishioners
feminicidio	femicide
fincas	estates
fiscalía	prosecutor's office
genial	great
golfista	golfer
golfistas	golfers
guion	script
hacker	hacker
hackers	hackers
histérica	hysterical
histérico	hysterical
inconsistencia	inconsistency
incumplimiento	breach
independentista	separatist
independentistas	separatists
indocumentado	undocumented
indocumentados	undocumented
influencer	influencer
inhabilitación	disqualification
inmediaciones	vicinity
innegable	undeniable
interdependencia	interdependence
intolerante	intolerant
invicto	unbeaten
invictos	unbeaten
irreemplazable	irreplaceable
laborista	Labour
laboristas	Labour
lactancia	breastfeeding
locutor	presenter
losa	slab
lujoso	luxurious
mafioso	mafia
malnutrición	malnutrition
mediocampista	midfielder
menaje	household goods
metedura	blunder
mezquindad	meanness
mitigación	mitigation
nefasta	disastrous
nefasto	disastrous
norcoreana	North Korean
norcoreano	North Korean
norcoreanos	North Koreans
noreste	northeast
opositor	opponent
opositora	opponent
opositoras	opponents
opositores	opponents
osito	teddy bear
paralización	paralysis
paramédicos	paramedics
parcialidad	bias
partidista	partisan
patada	kick
penalti	penalty
penaltis	penalties
perplejo	perplexed
pocilga	pigsty
politóloga	political scientist
politólogo	political scientist
postraumático	post-traumatic
precuela	prequel
preparativos	preparations
prooccidental	pro-Western
provocador	provocative
psiquiatría	psychiatry
radioactividad	radioactivity
rapera	rapper
rapero	rapper
raperos	rappers
recargo	surcharge
receloso	wary
rediseño	redesign
repugnancia	disgust
rescatadores	rescuers
rotundo	resounding
ráfagas	gusts
saneada	healthy
sarcástico	sarcastic
sensacional	sensational
separatista	separatist
separatistas	separatists
sexismo	sexism
sexista	sexist
sexistas	sexist
simpatizante	supporter
simpatizantes	supporters
sobrepeso	overweight
startup	startup
surcoreana	South Korean
surcoreano	South Korean
surcoreanos	South Koreans
sureste	southeast
tabú	taboo
tajantemente	flatly
templanza	temperance
tertulianos	pundits
transfronterizo	cross-border
tremendo	tremendous
triunfador	winner
tsunami	tsunami
tsunamis	tsunamis
tuit	tweet
tuits	tweets
vicefiscal	deputy attorney general
viceprimer	deputy prime
vinculante	binding
vívidamente	vividly
yihadista	jihadist
yihadistas	jihadists
youtuber	YouTuber
zapatillas	trainers
ávidamente	eagerly
épico	epic
épicos	epic
`.trim().split('\n').map((line) => line.split('\t') as [string, string]),
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
`.trim().split('\n').map((line) => {
    const [stem, base, past] = line.split('\t') as [string, string, string];
    return [stem, { base, past }];
  }),
);
