package english

import "slices"

// Clipped returns the full word a common English clipping or chat
// abbreviation stands for ("temp" -> "temperature"), or "". These are
// general English, as in any dictionary's list of clipped forms; where a
// clipping has two senses, the one a question about a text most often
// means is kept.
func Clipped(w string) string { return clippings[w] }

// ClippedSenses returns every full word w may stand for, the one Clipped
// gives first: "ref" is a reference, or a match's referee. A text that
// holds only the second sense means it.
func ClippedSenses(w string) []string {
	full := clippings[w]
	if full == "" {
		return nil
	}
	return append([]string{full}, otherSenses[w]...)
}

// otherSenses are the clippings' less common senses.
var otherSenses = map[string][]string{
	"ref": {"referee"}, "refs": {"referees"}, "rep": {"repetition"}, "reps": {"repetitions"},
	"doc": {"doctor"}, "docs": {"doctors"},
}

// Clippings returns the clipped forms of the full word w ("refrigerator"
// -> "fridge"): a text may use the short form a question spells out.
func Clippings(w string) []string { return clippedForms[w] }

var clippedForms = func() map[string][]string {
	m := make(map[string][]string, len(clippings))
	for short, full := range clippings {
		m[full] = append(m[full], short)
	}
	for _, forms := range m {
		slices.Sort(forms)
	}
	return m
}()

var clippings = map[string]string{
	"temp": "temperature", "temps": "temperatures", "info": "information", "approx": "approximately",
	"min": "minimum", "mins": "minutes", "max": "maximum", "hr": "hour", "hrs": "hours",
	"sec": "second", "secs": "seconds", "yr": "year", "yrs": "years", "wk": "week", "wks": "weeks", "tel": "telephone", "phone": "telephone", "pic": "picture",
	"pics": "pictures", "photo": "photograph", "photos": "photographs", "ad": "advertisement", "ads": "advertisements",
	"exam": "examination", "exams": "examinations", "lab": "laboratory", "labs": "laboratories",
	"fridge": "refrigerator", "gym": "gymnasium", "uni": "university", "dept": "department",
	"govt": "government", "gov": "government", "admin": "administration", "intro": "introduction",
	"ref": "reference", "refs": "references", "rep": "representative", "reps": "representatives",
	"vet": "veterinarian", "doc": "document", "docs": "documents", "app": "application",
	"apps": "applications", "specs": "specifications", "stats": "statistics", "config": "configuration",
	"qty": "quantity", "amt": "amount", "avg": "average", "mgr": "manager",
	"bday": "birthday", "tmrw": "tomorrow", "tmr": "tomorrow",
	"tue": "tuesday", "tues": "tuesday", "thu": "thursday",
	"jan": "january", "feb": "february", "apr": "april", "jun": "june", "jul": "july",
	"aug": "august", "sep": "september", "sept": "september", "oct": "october",
	"nov": "november", "dec": "december",
	"thur": "thursday", "thurs": "thursday", "fri": "friday",
	"ppl": "people", "msg": "message", "addr": "address",
	"appt": "appointment", "pw": "password", "pwd": "password", "xmas": "christmas",
	"hols": "holidays", "mtg": "meeting", "mtgs": "meetings", "mgmt": "management", "ext": "extension",
	"vid": "video", "vids": "videos", "tix": "tickets", "acct": "account", "req": "request",
	"reqs": "requests", "rd": "road", "ave": "avenue", "convo": "conversation", "diff": "difference",
	"bike": "bicycle", "bikes": "bicycles", "plane": "airplane", "planes": "airplanes", "flu": "influenza",
	"memo": "memorandum", "maths": "mathematics", "math": "mathematics", "limo": "limousine",
	"mag": "magazine", "mags": "magazines", "prof": "professor", "grad": "graduate",
	"grads": "graduates", "fave": "favourite", "fav": "favourite",
	"veg": "vegetables", "veggies": "vegetables", "telly": "television", "tv": "television",
	"condo": "condominium", "dorm": "dormitory", "dorms": "dormitories", "carbs": "carbohydrates",
	"cig": "cigarette", "cigs": "cigarettes", "rehab": "rehabilitation",
	"hippo": "hippopotamus", "rhino": "rhinoceros", "croc": "crocodile",
	"champ": "champion", "champs": "champions", "sis": "sister", "bro": "brother", "bros": "brothers",
	"mic": "microphone", "bio": "biography",
	// Familiar forms, as dictionaries give them.
	"grandma": "grandmother", "grandpa": "grandfather", "granny": "grandmother", "gran": "grandmother",
	"mum": "mother", "mom": "mother", "dad": "father"}
